'use strict';
// Arguments to JSON text for the native layer, refusing what JSON cannot carry.
//
// JSON.stringify drops or bends what it cannot carry without a word: a function, a Symbol or
// `undefined` inside an array becomes null, NaN and Infinity become null, a Map or a Set becomes
// {}, a BigInt or a cycle throws a TypeError that names nothing. Each of these is refused here
// with a ValidationError naming where the value sits (`filters.npa`, `numbers[2]`), before
// anything is sent. `undefined` as an object member still means "left out" (optional
// parameters), a `toJSON` method (Date) is honoured, and Symbol-keyed members are not data.

const { PhoneComError, validation } = require('./errors');

/** `path` extended by an object key or an array index. */
function child(path, key) {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** What is wrong with a value JSON cannot carry, or null when it can. */
function refusal(value, inArray) {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? null : `must be a finite number (got ${value}; JSON would send null)`;
    case 'bigint':
      return 'is a BigInt, which JSON cannot carry (pass a number or a string)';
    case 'function':
      return `is a function, which JSON cannot carry (it would be ${inArray ? 'sent as null' : 'left out'})`;
    case 'symbol':
      return `is a Symbol, which JSON cannot carry (it would be ${inArray ? 'sent as null' : 'left out'})`;
    case 'undefined':
      return inArray ? 'is undefined inside an array, which JSON would send as null' : null;
    default:
      if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet) {
        return `is a ${value.constructor.name}, which JSON would send as {} (pass an object or an array)`;
      }
      return null;
  }
}

/**
 * A walk that checks a value and everything in it, throwing the ValidationError of the first
 * value JSON cannot carry. `what` names the value itself (`params`, `command`); `seen` maps the
 * objects on the way down to their paths, to find cycles.
 */
function checker(operation, what) {
  const seen = new Map();
  const name = (path) => path || what;
  const check = (value, path, key, inArray) => {
    if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') {
      value = value.toJSON(String(key));
    }
    const bad = refusal(value, inArray);
    if (bad) throw validation(operation, name(path), bad);
    if (value === null || typeof value !== 'object') return;
    if (seen.has(value)) {
      throw validation(operation, name(path), `refers back to \`${name(seen.get(value))}\`, a cycle JSON cannot carry`);
    }
    seen.set(value, path);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) check(value[i], child(path, i), i, true);
    } else {
      for (const k of Object.keys(value)) check(value[k], child(path, k), k, false);
    }
    seen.delete(value);
  };
  return (value) => check(value, '', '', false);
}

/** `value` as JSON text; throws a ValidationError (naming `what` for the value itself) for anything JSON cannot carry. */
function toJson(operation, what, value) {
  try {
    checker(operation, what)(value);
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof PhoneComError) throw e;
    // Nesting deeper than the stack, a getter that throws.
    throw validation(operation, what, `cannot be sent as JSON: ${e && e.message}`);
  }
}

/** `params` (an object, or null/undefined for none) as JSON text. Throws a ValidationError. */
function paramsJson(operation, params) {
  if (params === undefined || params === null) return '{}';
  if (typeof params !== 'object' || Array.isArray(params)) {
    const got = Array.isArray(params) ? 'an array' : typeof params;
    throw validation(operation, 'params', `must be an object (got ${got})`);
  }
  return toJson(operation, 'params', params);
}

module.exports = { paramsJson, toJson };
