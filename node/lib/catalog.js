'use strict';
// The core's catalog, parsed once, and the tree of JavaScript names built from it.

const native = require('./native');
const { jsPath } = require('./names');

/** Whether a tree node is an operation (a leaf) rather than a nested namespace. */
function isOperation(node) {
  return typeof node.name === 'string' && Array.isArray(node.params);
}

function deepFreeze(v) {
  if (v && typeof v === 'object') {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}

/** `{version, operations: [...], schemas: {...}}`, frozen. */
const CATALOG = deepFreeze(JSON.parse(native.catalogJson()));
const BY_NAME = new Map(CATALOG.operations.map((op) => [op.name, op]));

/**
 * Per family, a tree of JavaScript names: `{createAccountSubaccount: op, ...}`, nested where the
 * canonical name has more segments (`v1.menus.create` -> `{menus: {create: op}}`). A name that
 * would land on an existing one is refused here, so the namespaces can never hide an operation.
 */
function buildTrees(operations) {
  const trees = new Map();
  for (const op of operations) {
    const [family, ...path] = jsPath(op.name);
    if (!trees.has(family)) trees.set(family, Object.create(null));
    let node = trees.get(family);
    for (const seg of path.slice(0, -1)) {
      if (node[seg] === undefined) node[seg] = Object.create(null);
      if (isOperation(node[seg])) {
        throw new Error(`phonecom: ${op.name} collides with ${node[seg].name} in the JavaScript namespaces`);
      }
      node = node[seg];
    }
    const leaf = path[path.length - 1];
    if (node[leaf] !== undefined) {
      const other = isOperation(node[leaf]) ? node[leaf].name : 'a namespace';
      throw new Error(`phonecom: ${op.name} and ${other} have the same JavaScript name`);
    }
    node[leaf] = op;
  }
  return trees;
}

const TREES = buildTrees(CATALOG.operations);


module.exports = {
  CATALOG,
  TREES,
  FAMILIES: [...TREES.keys()],
  operation: (name) => BY_NAME.get(name),
  isOperation,
  buildTrees,
};
