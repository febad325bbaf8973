'use strict';
/**
 * libphonecom for Node: Phone.com's partner APIs and numbers.online from one client.
 *
 *   const { Client, PhoneComError } = require('phonecom');
 *   const client = new Client({ v4: { token: process.env.PHONECOM_V4_TOKEN, account_id: 1234 } });
 *   const sub = await client.v4.createAccountSubaccount({ username, password, contact });
 *
 * Every operation of the catalog is `client.call(name, params)` and a typed method
 * (`client.<family>.<camelCaseName>`); every network call returns a Promise and runs on the
 * library's own threads, never on the event loop or libuv's pool.
 */

const native = require('./lib/native');
const errors = require('./lib/errors');
const { CATALOG, operation } = require('./lib/catalog');
const { Client } = require('./lib/client');
const { express, numbers } = require('./lib/helpers');
const callcontrol = require('./lib/callcontrol');

module.exports = errors.defineDeprecated({
  Client,
  PhoneComError: errors.PhoneComError,
  ...errors.classes,
  /** Error classes by name, and `CODES` by kind (`CODES.rate_limited === 'PHONECOM_RATE_LIMITED'`). */
  errors: Object.freeze(errors.defineDeprecated({ ...errors.classes })),
  CODES: errors.CODES,
  /** The catalog: `{version, operations, schemas}` (frozen). */
  catalog: () => CATALOG,
  /** The catalog entry of one operation by its canonical name. */
  operation,
  express,
  numbers,
  callcontrol,
  /** The library's version. */
  version: native.version(),
});
