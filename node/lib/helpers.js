'use strict';
// Local, non-network helpers as plain functions (no client, no network): Express Sign-Up user
// names, passwords and contact checks; E.164 and vanity numbers. Each throws a ValidationError
// naming the field and the rule.

const native = require('./native');
const { sync, validation } = require('./errors');
const { toJson } = require('./json');

function str(operation, field, v) {
  if (typeof v !== 'string') throw validation(operation, field, 'must be a string');
  return v;
}

const express = Object.freeze({
  /** The guide's user name `<partner>-<userId>`, e.g. `username('acme', '12345') === 'acme-12345'`. */
  username(partner, userId) {
    const id = typeof userId === 'number' ? String(userId) : userId;
    return sync(() =>
      native.expressUsername(str('express.signup', 'partner', partner), str('express.signup', 'user_id', id)),
    );
  },
  /**
   * A long random password from the OS CSPRNG (`length` from 16 to 4096, default 32: the core's
   * rule, which refuses any other length, a fraction included, naming the range).
   */
  generatePassword(length) {
    if (length !== undefined && typeof length !== 'number') {
      throw validation('express.signup', 'length', 'must be a number');
    }
    return sync(() => native.expressGeneratePassword(length));
  },
  /** Check a contact against the guide's rules (every problem listed in `fields`); returns it. */
  validateContact(contact) {
    if (contact === null || typeof contact !== 'object' || Array.isArray(contact)) {
      throw validation('express.signup', 'contact', 'must be a contact object');
    }
    const text = toJson('express.signup', 'contact', contact);
    return JSON.parse(sync(() => native.expressValidateContact(text)));
  },
});

const numbers = Object.freeze({
  /** Whether `number` is E.164 (`+` and 8-15 digits). */
  isE164(number) {
    if (typeof number !== 'string') return false;
    try {
      native.e164Check(number);
      return true;
    } catch {
      return false;
    }
  },
  /** Throws a ValidationError naming the rule unless `number` is E.164. */
  checkE164(number) {
    sync(() => native.e164Check(str('numbers.checkE164', 'number', number)));
  },
  /** A human-written number in E.164: `normalize('858.555.0100') === '+18585550100'`. */
  normalize(number) {
    return sync(() => native.e164Normalize(str('numbers.normalize', 'number', number)));
  },
  /** Whether `number` is North American (`+1` and 10 digits). */
  isNanpa(number) {
    return typeof number === 'string' && native.e164IsNanpa(number);
  },
  /** Letters to keypad digits: `vanityToDigits('1800FLOWERS') === '18003569377'`. */
  vanityToDigits(pattern) {
    return sync(() => native.vanityToDigits(str('numbers.vanityToDigits', 'pattern', pattern)));
  },
});

module.exports = { express, numbers };
