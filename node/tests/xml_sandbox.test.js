'use strict';
// The XML API family against the sandbox's XML service: lists, inventory search, reservation,
// SMS, the error envelope, and the call log walked by windows.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Client, AuthenticationError, ValidationError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();

test('numbers: the list, an inventory search, a reservation', async () => {
  const list = await suite.client.xml.getPhoneNumberList();
  assert.equal(list.status, 'ok');
  assert.ok(list.data.items.some((n) => n.phoneNumber === '+12542958368' && n.rateCenter === 'WACO_TX'));
  const found = await suite.client.xml.getPhoneNumberInventory({ countryCode: 1, prefix: '858', quantity: 5 });
  assert.ok(found.data.items.length > 0 && found.data.items.length <= 5);
  const pick = found.data.items[0].phoneNumber;
  const held = await suite.client.xml.reservePhoneNumber({ phoneNumber: pick });
  assert.equal(held.status, 'ok');
  const again = await suite.client.xml.getPhoneNumberInventory({ countryCode: 1, prefix: '858', quantity: 500 });
  assert.ok(!again.data.items.some((n) => n.phoneNumber === pick), 'a reserved number leaves the search');
  await suite.client.xml.unreservePhoneNumber({ phoneNumber: pick });
});

test('an SMS, and the error envelope as a PhoneComError with the svTRID', async () => {
  const sent = await suite.client.xml.sendSMS({ fromNumber: '+18585550100', toNumber: '+16195550199', message: 'Your code is 1234' });
  assert.equal(sent.status, 'ok');
  assert.match(sent.svTRID, /^\d{20}$/);
  await assert.rejects(suite.client.xml.sendSMS({ fromNumber: '+18585550100', toNumber: '6195550199', message: 'x' }), ValidationError);
  const wrong = new Client({ ...suite.sb.config, xml: { ...suite.sb.config.xml, password: 'not-the-password-123' } });
  await assert.rejects(wrong.xml.getPhoneNumberList(), (e) => {
    assert.ok(e instanceof AuthenticationError, String(e));
    assert.match(e.requestId, /^\d{20}$/);
    assert.ok(!JSON.stringify(e).includes('not-the-password-123'));
    return true;
  });
});

test('the seeded call log (2024-01-01 to 2024-03-31, a busy day of 600 calls) walked by windows', async (t) => {
  const start = Date.UTC(2024, 0, 1) / 1000;
  const end = Date.UTC(2024, 3, 1) / 1000 - 1;
  const busy = [Date.UTC(2024, 1, 14) / 1000, Date.UTC(2024, 1, 15) / 1000 - 1];
  const ids = new Set();
  let n = 0;
  let onBusyDay = 0;
  for await (const call of suite.client.xml.getCallList.iterate({ startTime: start, endTime: end, limit: 500 })) {
    n++;
    ids.add(call.id);
    if (call.startTime >= busy[0] && call.startTime <= busy[1]) onBusyDay++;
  }
  assert.equal(ids.size, n, 'each call once');
  assert.ok(onBusyDay >= 600, `the busy day is complete past the 500-row cap (${onBusyDay})`);
  const oneRequest = await suite.client.xml.getCallList({ startTime: busy[0], endTime: busy[1] });
  assert.equal(oneRequest.data.items.length, 500, 'one request stops at 500');
  t.diagnostic(`${n} calls walked, ${onBusyDay} on the busy day`);
});
