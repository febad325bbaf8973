#!/usr/bin/env node
// Generates index.d.ts from the catalog: every operation's parameters and result types, the
// schemas the results use, the typed namespaces (client.<family>.<name>) and the `Operations`
// map behind `client.call`. The hand-written part (errors, Client, helpers) is scripts/dts/base.d.ts.
// Everything comes from the catalog: this script knows no family, operation or schema by name
// (py/tests/test_types_agree.py checks that index.d.ts and the Python stubs agree).
//
//   node scripts/gen-dts.js           write index.d.ts
//   node scripts/gen-dts.js --check   exit 1 when the committed index.d.ts is stale
//
// tests/dts.test.js runs the same check.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { pascal } = require('../lib/names');
const { buildTrees, isOperation } = require('../lib/catalog');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'index.d.ts');

/** Names the base file declares: a schema or generated name may not take one of them. */
const BASE_NAMES = new Set(
  [...fs.readFileSync(path.join(__dirname, 'dts', 'base.d.ts'), 'utf8').matchAll(
    /^export (?:declare )?(?:type|interface|class|const|function) (\w+)/gm,
  )].map((m) => m[1]),
);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function key(name) {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

function doc(lines, indent = '') {
  const parts = lines.map((l) => (l || '').trim()).filter(Boolean);
  const text = parts
    .map((l, i) => (i < parts.length - 1 && !/[.!?:]$/.test(l) ? `${l}.` : l))
    .join(' ')
    .replace(/\*\//g, '*\\/');
  return text ? `${indent}/** ${text} */\n` : '';
}

function literalUnion(values, numeric) {
  return values.map((v) => (numeric ? String(Number(v)) : JSON.stringify(v))).join(' | ');
}

/** The TypeScript type of a catalog parameter. */
function paramType(p) {
  if (p.enum && p.enum.length && p.type === 'boolean') return p.enum.join(' | ');
  if (p.enum && p.enum.length) {
    const numeric = (p.type === 'integer' || p.type === 'number') && p.enum.every((v) => v !== '' && !Number.isNaN(Number(v)));
    return literalUnion(p.enum, numeric);
  }
  const fields = () => (p.fields && p.fields.length ? literalUnion(p.fields) : 'string');
  switch (p.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      // A Y/N flag (v1 flags, v4 media's is_temparary) is also taken in its wire form.
      return p.format === 'yn' ? "boolean | 'Y' | 'N'" : 'boolean';
    case 'array':
      return 'unknown[]';
    case 'object':
      // An object with a catalog schema (a contact) is that schema's interface: its required
      // keys are required.
      return p.schema || 'object';
    case 'file':
      return 'FileParam';
    case 'filters': {
      // A filter the specification types as a bare boolean (v4 voicemail's is_new) takes one.
      const flags = p.boolean_fields || [];
      if (!flags.length) return `Filters<${fields()}>`;
      const rest = (p.fields || []).filter((f) => !flags.includes(f));
      const bools = flags.map((f) => `${key(f)}?: boolean`).join('; ');
      return `Filters<${rest.length ? literalUnion(rest) : 'never'}> & { ${bools} }`;
    }
    case 'sort':
      return `Sort<${fields()}>`;
    default:
      throw new Error(`unknown parameter type ${p.type}`);
  }
}

function paren(t) {
  return /[|&]/.test(t) ? `(${t})` : t;
}

/** The TypeScript type of a result schema (nested objects inline); `| null` when nullable. */
function schemaType(s, indent) {
  const t = bareType(s, indent);
  return s && s.nullable && t !== 'unknown' ? `${t} | null` : t;
}

function bareType(s, indent) {
  if (!s || typeof s !== 'object') return 'unknown';
  if (s.ref) return s.ref;
  if (Array.isArray(s.anyOf) && s.anyOf.length) {
    return [...new Set(s.anyOf.map((p) => schemaType(p, indent)))].join(' | ');
  }
  if (Array.isArray(s.enum) && s.enum.length) return literalUnion(s.enum, s.type === 'integer' || s.type === 'number');
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `${paren(schemaType(s.items, indent))}[]`;
    case 'object':
      if (s.properties) return `{\n${properties(s, `${indent}  `)}${indent}}`;
      if (s.additionalProperties) return `{ [key: string]: ${schemaType(s.additionalProperties, indent)} }`;
      return '{ [key: string]: unknown }';
    default:
      if (s.properties) return `{\n${properties(s, `${indent}  `)}${indent}}`;
      return 'unknown';
  }
}

/** Response properties: optional unless the schema requires them, null only where nullable. */
function properties(s, indent) {
  const required = new Set(s.required || []);
  let out = '';
  for (const [name, prop] of Object.entries(s.properties)) {
    out += doc([prop.doc], indent);
    out += `${indent}${key(name)}${required.has(name) ? '' : '?'}: ${schemaType(prop, indent)};\n`;
  }
  return out;
}

/** The row type of a list whose result has no schema (its rows are objects). */
const UNTYPED_ROW = '{ [key: string]: unknown }';

/** The row type of a list: the array its catalog `paging.rows` path leads to in its result. */
function itemType(schemas, op) {
  let s = op.returns && schemas[op.returns];
  if (!s) return UNTYPED_ROW;
  for (const step of op.paging.rows) {
    if (s && s.ref) s = schemas[s.ref];
    s = s && s.properties && s.properties[step];
  }
  if (!s || s.type !== 'array') throw new Error(`${op.name}: paging.rows ${op.paging.rows} is no array of ${op.returns}`);
  return schemaType(s.items, '  ');
}

/** The members of a parameters interface. */
function paramMembers(params) {
  let out = '';
  for (const p of params) {
    const notes = [p.doc];
    if (p.prefilled) notes.push(`Defaults to the configured \`${p.prefilled}\`.`);
    if (p.format === 'e164') notes.push('E.164.');
    if (p.max !== undefined || p.min !== undefined) {
      const what = p.type === 'string' ? 'length' : 'value';
      notes.push(`${what}: ${p.min ?? ''}..${p.max ?? ''}.`);
    }
    if (p.secret) notes.push('Secret: never logged.');
    out += doc(notes, '  ');
    const optional = !p.required || p.prefilled ? '?' : '';
    out += `  ${key(p.name)}${optional}: ${paramType(p)};\n`;
  }
  return out;
}

function generate(catalog) {
  const { operations, schemas } = catalog;
  const taken = new Set(BASE_NAMES);
  const claim = (name, what) => {
    if (!IDENT.test(name)) throw new Error(`${what}: ${name} is not a TypeScript identifier`);
    if (taken.has(name)) throw new Error(`${what}: the name ${name} is already taken`);
    taken.add(name);
  };

  let out = '';
  out += '// ---- Generated from the catalog by scripts/gen-dts.js: do not edit below this line. ----\n\n';

  // Schemas.
  out += '// Result schemas (from the upstream specifications).\n\n';
  for (const [name, s] of Object.entries(schemas)) {
    claim(name, 'schema');
    out += doc([s.doc]);
    if (s.type === 'object' || s.properties) {
      out += s.properties ? `export interface ${name} {\n${properties(s, '  ')}}\n\n` : `export interface ${name} { [key: string]: unknown }\n\n`;
    } else {
      out += `export type ${name} = ${schemaType(s, '')};\n\n`;
    }
  }
  out += '// Other public names of result schemas (their catalog `aliases`).\n\n';
  for (const [name, s] of Object.entries(schemas)) {
    for (const alias of s.aliases || []) {
      claim(alias, `alias of ${name}`);
      out += `/** Another name of \`${name}\`. */\nexport type ${alias} = ${name};\n\n`;
    }
  }

  // Parameters of each operation.
  out += '// Parameters of each operation.\n\n';
  const paramsName = new Map();
  for (const op of operations) {
    const name = `${op.name.split('.').map(pascal).join('')}Params`;
    claim(name, op.name);
    paramsName.set(op.name, name);
    out += doc([`Parameters of \`${op.name}\`: ${op.doc}`]);
    if (!op.params.length) {
      out += `export interface ${name} {}\n\n`;
      continue;
    }
    out += `export interface ${name} {\n${paramMembers(op.params)}}\n\n`;
  }

  // A walk's own parameters, where they are not the operation's (catalog `paging.walk`).
  const walkName = new Map();
  for (const op of operations) {
    const walk = op.paging && op.paging.walk;
    if (!walk || !walk.length) {
      walkName.set(op.name, paramsName.get(op.name));
      continue;
    }
    const name = `${op.name.split('.').map(pascal).join('')}WalkParams`;
    claim(name, op.name);
    walkName.set(op.name, name);
    out += doc([`Parameters of a walk of \`${op.name}\` (iterate, pages, items): ${op.paging.doc || ''}`]);
    out += `export interface ${name} {\n${paramMembers(walk)}}\n\n`;
  }

  // The operations map behind `call`.
  out += '/** Every operation by canonical name: its parameters, result, (for lists) row type and a walk\'s parameters. */\n';
  out += 'export interface Operations {\n';
  for (const op of operations) {
    const result = op.returns && schemas[op.returns] ? op.returns : 'JsonValue';
    const item = op.paging ? itemType(schemas, op) : 'never';
    out += doc([`${op.doc} (${op.method} ${op.path})`], '  ');
    out += `  ${JSON.stringify(op.name)}: { params: ${paramsName.get(op.name)}; result: ${result}; item: ${item}; walk: ${walkName.get(op.name)} };\n`;
  }
  out += '}\n\n';
  out += '/** Every canonical operation name. */\nexport type OperationName = keyof Operations;\n\n';
  const pageable = operations.filter((o) => o.pageable).map((o) => JSON.stringify(o.name));
  out += `/** The operations that return a pageable list. */\nexport type PageableOperationName = ${pageable.length ? pageable.join(' | ') : 'never'};\n\n`;


  // Namespaces: the client's own tree of JavaScript names (lib/catalog.js), so the typings
  // and the runtime namespaces cannot disagree.
  const trees = buildTrees(operations);
  const namespaces = [];
  const emit = (typeName, node) => {
    claim(typeName, 'namespace');
    let body = '';
    for (const [k, v] of Object.entries(node)) {
      if (isOperation(v)) {
        body += doc([`${v.doc} (\`${v.name}\`, ${v.method} ${v.path})`], '  ');
        const kind = v.pageable ? 'PageableMethod' : 'Method';
        body += `  readonly ${key(k)}: ${kind}<${JSON.stringify(v.name)}>;\n`;
      } else {
        const child = `${typeName.replace(/Namespace$/, '')}${pascal(k)}Namespace`;
        emit(child, v);
        body += `  readonly ${key(k)}: ${child};\n`;
      }
    }
    namespaces.push(`export interface ${typeName} {\n${body}}\n\n`);
  };
  const families = [...trees.keys()];
  for (const family of families) emit(`${pascal(family)}Namespace`, trees.get(family));
  out += '// The typed namespaces: client.<family>.<camelCaseName>.\n\n';
  out += namespaces.join('');
  out += '/** The families of the catalog, as properties of every Client. */\n';
  out += 'export interface ClientFamilies {\n';
  for (const family of families) out += `  readonly ${key(family)}: ${pascal(family)}Namespace;\n`;
  out += '}\n';
  return out;
}

function render(catalog) {
  const base = fs.readFileSync(path.join(__dirname, 'dts', 'base.d.ts'), 'utf8');
  return (
    `// Type declarations of the phonecom package (libphonecom ${catalog.version}).\n` +
    '// Written by scripts/gen-dts.js from the catalog and scripts/dts/base.d.ts; regenerate with\n' +
    '// `npm run gen-dts` (tests/dts.test.js fails when this file is stale).\n\n' +
    `${base}\n${generate(catalog)}`
  );
}

module.exports = { render, generate };

if (require.main === module) {
  const { catalog } = require('..');
  const text = render(catalog());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('index.d.ts is stale: run `npm run gen-dts`');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUT, text);
    console.error(`wrote ${OUT} (${catalog().operations.length} operations)`);
  }
}
