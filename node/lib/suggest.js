'use strict';
// "Did you mean" for a mistyped operation: `client.v4.getAcount` throws a TypeError naming the
// closest operations (the core's ranking, the same as for an unknown name given to `call`).
// A plain object would answer `undefined`, and the user would meet "client.v4.getAcount is not
// a function" with no hint; a Proxy costs one trap per property read of a namespace.

const native = require('./native');
const { jsPath } = require('./names');

// Properties code probes on any object (await, JSON.stringify, inspection, test matchers): they
// answer as on a plain object (undefined), never throw.
const PROBED = new Set(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType', 'length', 'prototype']);

/** `ns` (a frozen namespace at `path`, e.g. `['v4']`) answering unknown names with a TypeError. */
function namespaceProxy(ns, path) {
  return new Proxy(ns, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || key in target || PROBED.has(key) || /^[_$@]/.test(key)) {
        return Reflect.get(target, key, receiver);
      }
      throw unknownOperation(path, key);
    },
  });
}

/** The error for `client.<path>.<key>`: code `PHONECOM_UNKNOWN_OPERATION`, with suggestions. */
function unknownOperation(path, key) {
  const where = path.join('.');
  const hints = native.suggest(`${where}.${key}`).map((name) => `client.${jsPath(name).join('.')}`);
  const hint = hints.length ? `; did you mean ${hints.join(', ')}?` : '';
  const err = new TypeError(`phonecom: client.${where} has no operation ${key}${hint}`);
  err.code = 'PHONECOM_UNKNOWN_OPERATION';
  return err;
}

module.exports = { namespaceProxy };
