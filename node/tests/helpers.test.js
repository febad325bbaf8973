'use strict';
// The local helpers: Express Sign-Up user names, passwords and contacts; E.164 and vanity
// numbers; the call-control request listener.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { express, numbers, callcontrol, ValidationError } = require('phonecom');
const { contact } = require('./support/sandbox');

test('express.username follows the guide and names the bad part', () => {
  assert.equal(express.username('super-partner', '12345'), 'super-partner-12345');
  assert.equal(express.username('acme', 42), 'acme-42');
  assert.throws(() => express.username('Super', '1'), (e) => e instanceof ValidationError && e.fields[0].field === 'partner');
  assert.throws(() => express.username('acme', 'a b'), (e) => e instanceof ValidationError && e.fields[0].field === 'user_id');
  assert.throws(() => express.username('acme', null), ValidationError);
});

test('express.generatePassword is long, random and mixed', () => {
  const a = express.generatePassword();
  const b = express.generatePassword(48);
  assert.equal(a.length, 32);
  assert.equal(b.length, 48);
  assert.notEqual(a, express.generatePassword());
  assert.match(a, /[a-z]/);
  assert.match(a, /[A-Z]/);
  assert.match(a, /[0-9]/);
  assert.throws(() => express.generatePassword(8), ValidationError);
  assert.throws(() => express.generatePassword(1.5), ValidationError);
});

test('express.validateContact lists every problem', () => {
  assert.deepEqual(express.validateContact(contact()).address.city, 'Dallas');
  assert.throws(
    () => express.validateContact({ name: '', address: { country: 'CA' }, phone: 'x', primary_email: 'nope' }),
    (e) => {
      const fields = e.fields.map((f) => f.field).sort();
      assert.deepEqual(fields, [
        'contact.address.city',
        'contact.address.line_1',
        'contact.address.province',
        'contact.name',
        'contact.phone',
        'contact.primary_email',
      ]);
      return e instanceof ValidationError;
    },
  );
  assert.throws(() => express.validateContact('Ada'), ValidationError);
});

test('numbers: E.164 and vanity helpers', () => {
  assert.equal(numbers.normalize('1 (858) 555-0100'), '+18585550100');
  assert.equal(numbers.normalize('+44 20 7183 8750'), '+442071838750');
  assert.ok(numbers.isE164('+18585550100'));
  assert.ok(!numbers.isE164('18585550100'));
  assert.ok(!numbers.isE164(18585550100));
  assert.doesNotThrow(() => numbers.checkE164('+442071838750'));
  assert.throws(() => numbers.checkE164('858-555'), (e) => e instanceof ValidationError && /E\.164/.test(e.message) && e.fields[0].field === 'number');
  assert.throws(() => numbers.normalize('call me'), ValidationError);
  assert.ok(numbers.isNanpa('+18585550100'));
  assert.ok(!numbers.isNanpa('+442071838750'));
  assert.equal(numbers.vanityToDigits('1-800-FLOWERS'), '18003569377');
  assert.equal(numbers.vanityToDigits('858*CALL'), '858*2255');
  assert.throws(() => numbers.vanityToDigits('8%8'), ValidationError);
});

test('callcontrol.handler answers text/plain commands from the request fields', async () => {
  const seen = [];
  const server = http.createServer(
    callcontrol.handler(async (fields) => {
      seen.push(fields);
      if (fields.dialedNumber === '+18005550000') throw new Error('no route');
      return fields.digits ? `simple-forward,1858560222${fields.digits}` : 'play-and-get-digits,Welcome,D';
    }),
  );
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/cc`;
  try {
    let res = await fetch(`${base}?uniqueID=u1&dialedNumber=%2B18585550100&callerIdNumber=%2B14155550123&callerIdName=ADA`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(await res.text(), 'play-and-get-digits,Welcome,D');
    res = await fetch(`${base}?uniqueID=u1&dialedNumber=%2B18585550100&previous-response=play-and-get-digits%2CWelcome%2CD&digits=2`);
    assert.equal(await res.text(), 'simple-forward,18585602222');
    res = await fetch(`${base}?uniqueID=u2&dialedNumber=%2B18005550000`);
    assert.equal(res.status, 500);
    assert.match(await res.text(), /no route/);
  } finally {
    server.close();
  }
  assert.equal(seen[0].dialedNumber, '+18585550100');
  assert.equal(seen[0].callerIdName, 'ADA');
  assert.equal(seen[1]['previous-response'], 'play-and-get-digits,Welcome,D');
  assert.deepEqual(callcontrol.requestFields('/cc?uniqueID=9&duration=31'), { uniqueID: '9', duration: '31' });
});
