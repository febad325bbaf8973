'use strict';
// The XML API family through the catalog namespaces, against a small stand-in for
// /special/xmlapi in this file (the sandbox has no XML service yet): a form-encoded action, an
// error reply, and the getCallList walk past the 500-row cap.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { Client, ValidationError, AuthenticationError } = require('phonecom');

const PASSWORD = 'xml_secret_pw_0123456789';
// 1,300 calls over a day, 80 of them in one busy second: windows must split to return them all.
const CALLS = [...Array.from({ length: 1220 }, (_, i) => 1_700_000_000 + i * 70), ...Array(80).fill(1_700_040_000)].map(
  (t, i) => ({ id: String(100000 + i), t }),
);

let server;
let client;
const requests = [];

function reply(clTRID, data, status = 'ok', msg = 'Command completed successfully') {
  return `<response>${data}<result status="${status}"><msg>${msg}</msg><resultDate>2010-08-19T04:21:54.0000Z</resultDate></result><trID><clTRID>${clTRID}</clTRID><svTRID>12821917141082580761</svTRID></trID></response>`;
}

before(async () => {
  server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push({ method: req.method, url: req.url, form });
      let body;
      if (form.get('password') !== PASSWORD) {
        body = reply(form.get('clTRID'), '', 'error', 'Authentication failed');
      } else if (form.get('action') === 'getCallList') {
        const a = Number(form.get('startTime'));
        const b = Number(form.get('endTime'));
        const rows = CALLS.filter((c) => c.t >= a && c.t <= b)
          .slice(0, 500)
          .map((c) => `<call id="${c.id}"><startTime gmt="x">${c.t}</startTime><callerId>+19735678323</callerId><calledNumber>+16247688421</calledNumber><duration>52</duration><url/></call>`)
          .join('');
        body = reply(form.get('clTRID'), `<resultData><callList>${rows}</callList></resultData>`);
      } else {
        body = reply(form.get('clTRID'), '');
      }
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  client = new Client({ xml: { base_url: `http://127.0.0.1:${server.address().port}/special/xmlapi`, username: 'joesmith', password: PASSWORD } });
});
after(() => server.close());

test('an XML action through its namespace: form-encoded POST, reply envelope', async () => {
  const sent = await client.xml.sendSMS({ fromNumber: '+15802820001', toNumber: '+18583807710', message: 'This is a test' });
  assert.equal(sent.status, 'ok');
  assert.equal(sent.svTRID, '12821917141082580761');
  assert.match(sent.clTRID, /^lpc/);
  const last = requests[requests.length - 1];
  assert.equal(last.method, 'POST');
  assert.equal(last.form.get('action'), 'sendSMS');
  assert.equal(last.form.get('toNumber'), '+18583807710');
  assert.ok(!last.url.includes(PASSWORD), 'credentials stay out of the URL');
});

test('XML input rules and error replies', async () => {
  await assert.rejects(client.xml.sendSMS({ fromNumber: '+15802820001', toNumber: '+18583807710', message: 'x'.repeat(161) }), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.fields[0].field, 'message');
    return true;
  });
  const wrong = new Client({ xml: { base_url: `http://127.0.0.1:${server.address().port}/special/xmlapi`, username: 'joesmith', password: 'not-the-password' } });
  await assert.rejects(wrong.xml.getPhoneNumberList(), (e) => {
    assert.ok(e instanceof AuthenticationError, String(e));
    assert.equal(e.requestId, '12821917141082580761');
    assert.ok(!JSON.stringify(e).includes('not-the-password'));
    return true;
  });
});

test('getCallList walks every call of a range once, past the 500-row cap', async () => {
  const before = requests.length;
  const ids = [];
  for await (const call of client.xml.getCallList.iterate({ startTime: 1_700_000_000, endTime: 1_700_086_400, limit: 200 })) {
    assert.equal(typeof call.startTime, 'number');
    ids.push(call.id);
  }
  assert.equal(ids.length, CALLS.length);
  assert.equal(new Set(ids).size, CALLS.length);
  assert.ok(requests.length - before >= 3, 'several windows were fetched');
  // One request answers at most 500.
  const one = await client.xml.getCallList({ startTime: 1_700_000_000, endTime: 1_700_086_400 });
  assert.equal(one.data.items.length, 500);
  await assert.rejects(client.items('xml.getCallList', { startTime: 10, endTime: 5 }).next(), ValidationError);
  await assert.rejects(client.xml.getCallList.iterate({ startTime: 1 }).next(), (e) => e instanceof ValidationError && e.fields[0].field === 'endTime');
  // Pages of `limit` calls.
  const sizes = [];
  for await (const page of client.xml.getCallList.pages({ startTime: 1_700_000_000, endTime: 1_700_086_400, limit: 500 })) sizes.push(page.items.length);
  assert.equal(sizes.reduce((a, b) => a + b, 0), CALLS.length);
  assert.ok(sizes.slice(0, -1).every((n) => n === 500), JSON.stringify(sizes));
});
