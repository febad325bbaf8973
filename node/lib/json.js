'use strict';
// Arguments to JSON text for the native layer, refusing what JSON cannot carry.

const { validation } = require('./errors');

/** `params` (an object, or null/undefined for none) as JSON text. Throws a ValidationError. */
function paramsJson(operation, params) {
  if (params === undefined || params === null) return '{}';
  if (typeof params !== 'object' || Array.isArray(params)) {
    const got = Array.isArray(params) ? 'an array' : typeof params;
    throw validation(operation, 'params', `must be an object (got ${got})`);
  }
  let refused = null;
  let text;
  try {
    // JSON.stringify would turn NaN and Infinity into null, silently dropping the value.
    text = JSON.stringify(params, (key, value) => {
      if (typeof value === 'number' && !Number.isFinite(value) && refused === null) {
        refused = validation(operation, key || 'params', `must be a finite number (got ${value})`);
      }
      return value;
    });
  } catch (e) {
    // BigInt values, circular structures.
    throw validation(operation, 'params', `cannot be sent as JSON: ${e.message}`);
  }
  if (refused) throw refused;
  return text;
}

module.exports = { paramsJson };
