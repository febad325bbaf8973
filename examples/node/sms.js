#!/usr/bin/env node
'use strict';
/**
 * Text messages: send one through REST v4 and read it back from the account's message log, send
 * one through the XML API, and see bad input refused before anything is sent.
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node sms.js   (`npm install` in this folder first)
 */

const { Client, ValidationError } = require('phonecom');

const OFFICE = '+18585550100'; // a number of the account (the sandbox's "San Diego office")
const CUSTOMER = '+16195550101';

async function main() {
  const client = Client.fromEnv();

  // 1. REST v4.
  const sent = await client.v4.createAccountSms({ from: OFFICE, to: CUSTOMER, text: 'Your table for 4 is ready.' });
  console.log(`step 1: sent SMS ${sent.id} from ${sent.from} to ${CUSTOMER}: ${sent.to[0].status}`);

  // 2. The account's outgoing messages, newest first: ours is there.
  const log = await client.v4.listAccountSms({ filters: { direction: 'eq:out' }, sort: { created_at: 'desc' }, limit: 5 });
  console.log(`step 2: ${log.total} outgoing message(s); latest: ${JSON.stringify(log.items[0].text)}`);
  if (!log.items.some((m) => m.id === sent.id)) throw new Error('the message is not in the log');

  // 3. The XML API sends too; its reply carries the server's transaction id.
  const reply = await client.xml.sendSMS({ fromNumber: OFFICE, toNumber: CUSTOMER, message: 'See you at 7.' });
  console.log(`step 3: sent through the XML API (svTRID ${reply.svTRID})`);

  // 4. Bad input never leaves the process: the error names the field and the rule.
  try {
    await client.v4.createAccountSms({ from: OFFICE, to: '619-555-0101', text: 'not E.164' });
    throw new Error('a number that is not E.164 was accepted');
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    console.log(`step 4: refused before sending: ${e.fields[0].field} ${e.fields[0].message}`);
  }
  console.log('done');
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
