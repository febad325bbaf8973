'use strict';
// Call control driven the way Phone.com drives it: the sandbox's call-control driver places calls
// on an `http` server built with callcontrol.handler and follows the commands it answers.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { Client, callcontrol } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();
let server;
let hook;
const seen = [];

before(async () => {
  server = http.createServer(
    callcontrol.handler({
      newCall: (call) => {
        seen.push(call);
        return { command: 'play-and-get-digits', recording: 'Main Menu', patterns: ['D'] };
      },
      digits: (call, digits) => {
        seen.push(call);
        if (digits === '1') return { command: 'simple-forward-voicetag', text: 'Sales call', number: '+18585602222', dtmf: 'ww12' };
        if (digits === '2') return { command: 'multiple-forward', numbers: ['+18585602222', '+18585602223'] };
        if (digits === '9') return 'simple-forward-voicetag,"a,b",18585602222'; // breaks the rules: answered 500
        return null; // hang up
      },
      commandResult: (call) => {
        seen.push(call);
        return { command: 'simple-forward', number: '+18585550100' };
      },
      completed: (call) => seen.push(call),
      error: (call) => seen.push(call),
    }),
  );
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  hook = `http://127.0.0.1:${server.address().port}/hook`;
});

after(() => {
  server.close();
});

/** Drive a call-control call on the hook through the sandbox helper. */
function place({ url = hook, ...options }) {
  return suite.sb.driveCall(url, options);
}


test('a menu, a digit, a voice-tagged forward that is answered', async () => {
  const call = await place({ callerIdNumber: '+16195550199', callerIdName: 'Jane Doe', digits: ['1'], forwardResults: ['answered'], talkSeconds: 30 });
  assert.equal(call.outcome, 'connected', JSON.stringify(call.steps));
  assert.equal(call.connected_to, '18585602222');
  const bodies = call.steps.map((s) => s.response && s.response.body);
  assert.deepEqual(bodies.slice(0, 2), ['play-and-get-digits,Main Menu,D', 'simple-forward-voicetag,"Sales call",18585602222ww12']);
  const mine = seen.filter((c) => c.uniqueID === call.uniqueID);
  assert.deepEqual(mine.map((c) => c.event), ['new_call', 'digits', 'completed']);
  assert.equal(mine[0].callerIdName, 'Jane Doe');
  assert.equal(mine[2].duration, call.duration);
});

test('an unanswered forward asks again; the next command is followed (form bodies too)', async () => {
  const call = await place({ method: 'POST', digits: ['2'], forwardResults: ['no-answer', 'answered'] });
  assert.equal(call.outcome, 'connected', JSON.stringify(call.steps));
  assert.equal(call.connected_to, '18585550100');
  const events = seen.filter((c) => c.uniqueID === call.uniqueID).map((c) => c.event);
  assert.deepEqual(events, ['new_call', 'digits', 'command_result', 'completed']);
});

test('a POST to a URL with its own query reads the form body too', async () => {
  const call = await place({ url: `${hook}?key=k`, method: 'POST', digits: ['1'], forwardResults: ['answered'] });
  assert.equal(call.outcome, 'connected', JSON.stringify(call.steps));
  const mine = seen.filter((c) => c.uniqueID === call.uniqueID);
  assert.deepEqual(mine.map((c) => c.event), ['new_call', 'digits', 'completed']);
});

test('an empty answer hangs up; a command that breaks the rules is never sent', async () => {
  const hangup = await place({ digits: ['5'] });
  assert.equal(hangup.outcome, 'hangup');
  const bad = await place({ digits: ['9'] });
  assert.equal(bad.outcome, 'error');
  const refused = bad.steps.find((s) => s.response && s.response.status === 500);
  assert.ok(refused, JSON.stringify(bad.steps));
  assert.match(refused.response.body, /comma/);
  assert.ok(!bad.steps.some((s) => s.response && /a,b/.test(s.response.body) && s.response.status === 200));
});

test('the calls reach the XML call log, walked by getCallList', async () => {
  const client = new Client(suite.sb.config);
  const now = Math.floor(Date.now() / 1000);
  const rows = [];
  for await (const row of client.xml.getCallList.iterate({ startTime: now - 3600, endTime: now + 3600 })) rows.push(row);
  assert.ok(rows.some((r) => /^callcontrol /.test(r.finalAction || '')), JSON.stringify(rows.slice(0, 3)));
});

/** POST `chunks` to the handler (chunked unless `length` is given); resolves to {status, body}. */
function postRaw(chunks, { length } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...(length !== undefined ? { 'content-length': length } : {}) };
    const req = http.request(hook, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    (async () => {
      for (const c of chunks) {
        if (req.destroyed) return;
        if (!req.write(c)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })();
  });
}

test('a body over MAX_BODY is answered 413 and never buffered', async () => {
  assert.equal(callcontrol.MAX_BODY, 64 * 1024);
  const before = seen.length;
  const form = `uniqueID=big&dialedNumber=18585602222&pad=`;
  // Declared too large: refused before a byte is read.
  let r = await postRaw([form, 'x'.repeat(callcontrol.MAX_BODY + 1 - form.length)], { length: callcontrol.MAX_BODY + 1 });
  assert.equal(r.status, 413);
  assert.match(r.body, /`body` must be at most 65536 bytes/);
  // Chunked, no length: refused once it passes the limit (the rest is read and dropped).
  const chunk = 'x'.repeat(16 * 1024);
  r = await postRaw([form, ...Array.from({ length: 64 }, () => chunk)]);
  assert.equal(r.status, 413);
  assert.match(r.body, /must be at most 65536 bytes/);
  assert.equal(seen.length, before, 'the handler was not called');
  // At the limit, a body is still read.
  r = await postRaw([form, 'x'.repeat(callcontrol.MAX_BODY - form.length)]);
  assert.equal(r.status, 200, r.body);
  assert.equal(r.body, 'play-and-get-digits,Main Menu,D');
});

/** One request to the handler; resolves to {status, headers, body}. */
function send(method, { headers = {}, body = '' } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${hook}?uniqueID=m1&dialedNumber=18585602222`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test("the core's HTTP policy answers other methods 405 and other content types 415, as Python's Handler", async () => {
  const before = seen.length;
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    const r = await send(method);
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, POST');
    assert.match(r.body, /`method` must be GET or POST/);
  }
  const json = await send('POST', { headers: { 'content-type': 'application/json' }, body: '{"uniqueID": "m1"}' });
  assert.equal(json.status, 415);
  assert.match(json.body, /`Content-Type` must be a form body/);
  assert.equal(seen.length, before, 'the handler was not called');
  const get = await send('GET');
  assert.equal(get.status, 200, get.body);
});
