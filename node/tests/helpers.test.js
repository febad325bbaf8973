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

test('express.generatePassword refuses negative and huge lengths with a ValidationError', () => {
  const native = require('../lib/native');
  const { fromNative } = require('../lib/errors');
  for (const n of [-1, -(2 ** 40), 4097, 2 ** 32 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 1e300]) {
    assert.throws(
      () => express.generatePassword(n),
      (e) => e instanceof ValidationError && e.fields[0].field === 'length' && /from 16 to 4096/.test(e.message),
      String(n),
    );
    // The native function itself, without the JS checks: -1 is not wrapped to 2 ** 32 - 1.
    assert.throws(
      () => native.expressGeneratePassword(n),
      (e) => fromNative(e) instanceof ValidationError && /`length` must be from 16 to 4096/.test(e.message),
      String(n),
    );
  }
  assert.equal(native.expressGeneratePassword(4096).length, 4096);
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

test('callcontrol: requests parsed and classified, commands rendered and checked by the core rules', () => {
  const call = callcontrol.parseRequest('/cc?uniqueID=u1&dialedNumber=18585602222&callerIdNumber=16195550100&callerIdName=ADA');
  assert.equal(call.event, 'new_call');
  assert.equal(call.uniqueID, 'u1');
  assert.equal(call.callerIdName, 'ADA');
  assert.equal(callcontrol.parseRequest('uniqueID=u1&dialedNumber=18585602222&duration=31').duration, 31);
  assert.equal(callcontrol.parseRequest('uniqueID=u1&dialedNumber=18585602222&digits=').event, 'digits');
  assert.throws(() => callcontrol.parseRequest('dialedNumber=18585602222'), (e) => e instanceof ValidationError && /uniqueID/.test(e.message));

  assert.equal(callcontrol.render({ command: 'simple-forward', number: '+18585602222', dtmf: 'ww1234w5' }), 'simple-forward,18585602222ww1234w5');
  assert.equal(
    callcontrol.render({ command: 'multiple-forward-voicetag', text: 'Sales call', numbers: ['+18585602222', '+18585602223'] }),
    'multiple-forward-voicetag,"Sales call",18585602222,18585602223',
  );
  assert.equal(callcontrol.render({ command: 'play-and-get-digits', recording: 'Main Menu', patterns: ['DDD', 'DDDD'] }), 'play-and-get-digits,Main Menu,DDD|DDDD');
  assert.equal(callcontrol.render('simple-forward,+18585602222'), 'simple-forward,18585602222');
  assert.deepEqual(callcontrol.parseCommand('play-and-get-digits,Main Menu,55D'), { command: 'play-and-get-digits', recording: 'Main Menu', patterns: ['55D'] });
  const refused = [
    [{ command: 'simple-forward-voicetag', text: 'x'.repeat(callcontrol.VOICE_TAG_MAX + 1), number: '+18585602222' }, 'text'],
    [{ command: 'simple-forward-voicetag', text: 'a"b', number: '+18585602222' }, 'text'],
    [{ command: 'multiple-forward', numbers: ['+18585602222'], dtmf: '1' }, 'dtmf'],
    [{ command: 'play-and-get-digits', recording: 'Menu\nsimple-forward,1', patterns: ['D'] }, 'recording'],
    [{ command: 'play-and-get-digits', recording: 'Menu', patterns: ['5X'] }, 'patterns'],
    [{ command: 'hang-up' }, 'command'],
    ['simple-forward,18585602222\nsimple-forward,1900', 'number'],
  ];
  for (const [cmd, field] of refused) {
    assert.throws(() => callcontrol.render(cmd), (e) => e instanceof ValidationError && e.fields.some((f) => f.field.startsWith(field)), JSON.stringify(cmd));
  }
  assert.deepEqual(callcontrol.COMMANDS, ['simple-forward', 'simple-forward-voicetag', 'multiple-forward', 'multiple-forward-voicetag', 'play-and-get-digits']);
});

async function serve(listener, fn) {
  const server = http.createServer(listener);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await fn(`http://127.0.0.1:${server.address().port}/cc`);
  } finally {
    server.close();
  }
}

test('callcontrol.handler: a function answering each request', async () => {
  const seen = [];
  const listener = callcontrol.handler(async (call) => {
    seen.push(call);
    if (call.dialedNumber === '18005550000') throw new Error('no route');
    if (call.dialedNumber === '18005550001') return { command: 'simple-forward-voicetag', text: 'a,b', number: '+18585602222' };
    if (call.event === 'completed') return null;
    return call.digits ? `simple-forward,1858560222${call.digits}` : { command: 'play-and-get-digits', recording: 'Welcome', patterns: ['D'] };
  });
  await serve(listener, async (base) => {
    let res = await fetch(`${base}?uniqueID=u1&dialedNumber=18585602222&callerIdNumber=%2B14155550123&callerIdName=ADA`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/plain');
    assert.equal(await res.text(), 'play-and-get-digits,Welcome,D');
    res = await fetch(`${base}?uniqueID=u1&dialedNumber=18585602222&previous-response=play-and-get-digits%2CWelcome%2CD&digits=2`);
    assert.equal(await res.text(), 'simple-forward,18585602222');
    // A form body works as well as a query string.
    res = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'uniqueID=u1&dialedNumber=18585602222&duration=42' });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    res = await fetch(`${base}?uniqueID=u2&dialedNumber=18005550000`);
    assert.equal(res.status, 500);
    assert.match(await res.text(), /no route/);
    res = await fetch(`${base}?uniqueID=u3&dialedNumber=18005550001`);
    assert.equal(res.status, 500, 'a command that breaks the rules is never sent');
    assert.match(await res.text(), /comma/);
    res = await fetch(`${base}?dialedNumber=18585602222`);
    assert.equal(res.status, 400);
  });
  assert.equal(seen[0].event, 'new_call');
  assert.equal(seen[0].callerIdName, 'ADA');
  assert.equal(seen[1].event, 'digits');
  assert.equal(seen[2].event, 'completed');
  assert.equal(seen[2].duration, 42);
});

test('callcontrol.handler: an object of event methods', async () => {
  const done = [];
  const listener = callcontrol.handler({
    newCall: () => ({ command: 'play-and-get-digits', recording: 'Main Menu', patterns: ['D'] }),
    digits: (_call, digits) => ({ command: 'simple-forward', number: digits === '1' ? '+18585550101' : '+18585550100' }),
    completed: (call, duration) => {
      done.push([call.uniqueID, duration]);
    },
  });
  await serve(listener, async (base) => {
    const get = async (q) => (await fetch(`${base}?${new URLSearchParams(q)}`)).text();
    assert.equal(await get({ uniqueID: 'c1', dialedNumber: '18585602222' }), 'play-and-get-digits,Main Menu,D');
    assert.equal(await get({ uniqueID: 'c1', dialedNumber: '18585602222', digits: '1' }), 'simple-forward,18585550101');
    assert.equal(await get({ uniqueID: 'c1', dialedNumber: '18585602222', 'previous-response': 'simple-forward,18585550101' }), '');
    assert.equal(await get({ uniqueID: 'c1', dialedNumber: '18585602222', duration: '17' }), '');
  });
  assert.deepEqual(done, [['c1', 17]]);
  assert.throws(() => callcontrol.handler({}), ValidationError);
});
