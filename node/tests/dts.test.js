'use strict';
// index.d.ts is generated from the catalog: it must be current, and cover every operation.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const phonecom = require('phonecom');
const { render } = require('../scripts/gen-dts');
const { jsPath, pascal } = require('../lib/names');

const DTS = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');

test('the committed index.d.ts is what the generator writes from the current catalog', () => {
  assert.ok(DTS === render(phonecom.catalog()), 'index.d.ts is stale: run `npm run gen-dts` in node/');
});

test('every operation has its parameters, its result and its method in the typings', () => {
  const ops = phonecom.catalog().operations;
  const block = (name) => {
    const m = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}\\n`).exec(DTS);
    return m ? m[1] : null;
  };
  const operations = block('Operations');
  for (const op of ops) {
    const params = `${op.name.split('.').map(pascal).join('')}Params`;
    assert.ok(DTS.includes(`export interface ${params} {`), `${params} for ${op.name}`);
    for (const p of op.params) {
      const optional = !p.required || p.prefilled ? '?' : '';
      const key = /^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : JSON.stringify(p.name);
      assert.ok(DTS.includes(`  ${key}${optional}: `), `${op.name}: ${p.name}`);
    }
    const result = op.returns && phonecom.catalog().schemas[op.returns] ? op.returns : 'JsonValue';
    assert.ok(operations.includes(`${JSON.stringify(op.name)}: { params: ${params}; result: ${result};`), `${op.name} in Operations`);
    const [family, ...rest] = jsPath(op.name);
    const ns = block(`${[family, ...rest.slice(0, -1)].map(pascal).join('')}Namespace`);
    const kind = op.pageable ? 'PageableMethod' : 'Method';
    assert.ok(ns && ns.includes(`readonly ${rest[rest.length - 1]}: ${kind}<${JSON.stringify(op.name)}>;`), `${op.name} method`);
  }
  const families = block('ClientFamilies');
  for (const family of new Set(ops.map((o) => o.family))) {
    assert.ok(families.includes(`readonly ${family}: ${pascal(family)}Namespace;`), family);
  }
  for (const name of Object.keys(phonecom.catalog().schemas)) {
    assert.ok(new RegExp(`export (interface|type) ${name}\\b`).test(DTS), `schema ${name}`);
  }
});

test('the hand-written declarations match the package exports', () => {
  for (const name of Object.keys(phonecom)) {
    assert.ok(new RegExp(`export (declare )?(class|const|function) ${name}\\b`).test(DTS), `${name} is declared`);
  }
});
