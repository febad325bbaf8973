#!/usr/bin/env node
'use strict';
/**
 * portal.js, tried end to end: start the portal back end on a free loopback port and call it the
 * way the Express Sign-Up front-end library and Phone.com would:
 *
 *   1. sign the portal user up (one subaccount, never two), 2. get the user's token,
 *   3. search numbers in 858, 4. reserve the cheapest (an XML API hold), 5. buy it onto the
 *   user's subaccount (v4), 6. list the user's numbers,
 *   7. an incoming call on the portal's call-control URL, placed by the sandbox's driver.
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node portal_demo.js   (`npm install` in this folder first)
 */

const { Client } = require('phonecom');
const { createPortal } = require('./portal');

const contact = {
  name: 'Ada Lovelace',
  phone: '+15555550001',
  primary_email: 'ada@example.com',
  address: { line_1: '411 Elm St', city: 'Dallas', province: 'TX', postal_code: '75202', country: 'US' },
};

async function main() {
  const client = Client.fromEnv(); // PHONECOM_CONFIG, then the PHONECOM_* variables
  const server = createPortal({ client, partner: 'acme' });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const portal = `http://127.0.0.1:${server.address().port}`;
  try {
    // What the front-end library's callbacks send, as portal user 12345.
    const api = async (method, path, body) => {
      const res = await fetch(portal + path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Portal-User': '12345' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
      return data;
    };

    const account = await api('POST', '/api/express/subaccount', { contact });
    console.log(`step 1: created subaccount ${account.username} (id ${account.id})`);
    const token = await api('POST', '/api/express/token');
    console.log(`step 2: got the user's token, expires in ${token.expires_in} s`);
    const found = await api('GET', '/api/numbers/search?filters[npa]=eq:858&sort[price]=asc&limit=5');
    console.log(`step 3: ${found.total} numbers in 858; cheapest ${found.items[0].phone_number}`);
    const held = await api('POST', '/api/numbers/reserve', { phone_number: found.items[0].phone_number });
    console.log(`step 4: reserved ${held.phone_number} until ${held.reserved_until}`);
    const bought = await api('POST', '/api/numbers/purchase', { phone_number: held.phone_number, name: 'Main line' });
    console.log(`step 5: bought ${bought.phone_number} onto the user's subaccount`);
    const mine = await api('GET', '/api/numbers');
    console.log(`step 6: the user has ${mine.total} number(s): ${mine.items.map((n) => n.phone_number).join(', ')}`);

    // Phone.com calls the call-control URL for each step of a call; the sandbox does the same.
    const sandbox = process.env.PHONECOM_CONFIG && require(require('node:path').resolve(process.env.PHONECOM_CONFIG));
    if (sandbox && sandbox.environment === 'sandbox') {
      const root = sandbox.v4.base_url.replace(/\/v4$/, '');
      const res = await fetch(`${root}/_sandbox/callcontrol/calls`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: `${portal}/callcontrol`, digits: ['1'], callerIdNumber: '+16195550199' }),
      });
      const call = await res.json();
      console.log(`step 7: a caller pressed 1: ${call.outcome} to ${call.connected_to}`);
      if (call.connected_to !== '18585602222') throw new Error(`the call went to ${call.connected_to}`);
    }
    if (!mine.items.some((n) => n.phone_number === bought.phone_number)) throw new Error('the number is not the user’s');
    console.log('done');
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
