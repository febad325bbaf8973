#!/usr/bin/env node
'use strict';
/**
 * A new business line through the XML API: search the inventory for a San Diego number, reserve
 * it (held until about midnight Pacific time), add it to the account, ring two phones at once when
 * it is called, and text the owner that the line is live. Every XML request carries a clTRID, so a
 * mutation the library retries acts only once.
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node xml_numbers.js   (`npm install` in this folder first)
 */

const { Client } = require('phonecom');

const OWNER = '+16195550101'; // the owner's mobile
const OFFICE = '+16195550102'; // the office phone

async function main() {
  const { xml } = Client.fromEnv();

  // 1. Search: local numbers in California whose digits match 1858*******.
  const found = await xml.getPhoneNumberInventory({ countryCode: 1, type: 'local', state: 'CA', pattern: '1858*******', quantity: 5 });
  const items = found.data?.items ?? [];
  console.log(`step 1: ${items.length} numbers for state CA, pattern 1858*******:`);
  for (const n of items) console.log(`  ${n.phoneNumber} ${n.humanReadable} in ${n.locality}, $${n.cost} a month`);
  if (!items.length) throw new Error('no number matches the search');
  const number = items[0].phoneNumber;

  // 2. Reserve it while the customer decides.
  const held = await xml.reservePhoneNumber({ phoneNumber: number });
  console.log(`step 2: reserved ${number} until ${held.data.reservation.expires.gmt} (clTRID ${held.clTRID})`);

  // 3. Buy it: add it to the account.
  const added = await xml.addPhoneNumber({ phoneNumber: number });
  const listed = (await xml.getPhoneNumberList()).data?.items ?? [];
  console.log(`step 3: added ${number} as id ${added.data.phoneNumber.id}; the account has ${listed.length} numbers`);

  // 4. Ring the owner (announced, screened) and the office at once for 30 s.
  await xml.updateCallHandlingSimpleRingAll({
    phoneNumber: number,
    destination1: OWNER,
    destination1VoiceTag: 'New business line',
    destination1Screening: 'yes',
    destination2: OFFICE,
    destination2CallerId: number,
    timeout: 30,
  });
  console.log(`step 4: calls to ${number} ring ${OWNER} and ${OFFICE} at once`);

  // 5. Tell the owner.
  const sent = await xml.sendSMS({ fromNumber: number, toNumber: OWNER, message: `Your new line ${number} is live.` });
  console.log(`step 5: texted ${OWNER} from ${number} (svTRID ${sent.svTRID})`);
  console.log('done');
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
