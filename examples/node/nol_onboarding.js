#!/usr/bin/env node
'use strict';
/**
 * numbers.online onboarding of one business number, from a partner's own admin:
 *
 *   1. sign up an account for the customer (its key is shown once: store it),
 *   2. send a one-time code to the number, 3. confirm it (the number is now bound to the account),
 *   4. stage the business profile, 5. upload the logo,
 *   6. mint the verification checkout link (the customer pays on the hosted page),
 *   7. poll until the listing is verified, then show the trust grade and the live risk.
 *
 * The sandbox's OTP provider returns the code in its answer (`dev_code`) and its payment provider
 * settles a checkout at the first status read; against the real service the code is read from
 * standard input.
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node nol_onboarding.js   (`npm install` in this folder first)
 */

const { Client } = require('phonecom');
const readline = require('node:readline/promises');

const NUMBER = '+14155550142';
// The logo: a 1x1 PNG.
const LOGO_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg==';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function ask(question) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function main() {
  const partner = Client.fromEnv();

  // 1. A keyless sign-up; then act with the new account's own key.
  const signup = await partner.nol.accountSignup({ name: 'Acme Plumbing (portal customer 12345)' });
  console.log(`step 1: signed up account ${signup.account.id} with key ${signup.key_prefix}… (store it: shown once)`);
  const acme = partner.withNolKey(signup.api_key);

  // 2-3. Prove the customer holds the number.
  const sent = await acme.nol.accountVerifyPhoneStart({ phone: NUMBER, channel: 'sms' });
  console.log(`step 2: sent a one-time code to ${NUMBER} by SMS`);
  const code = sent.dev_code ?? (await ask('code the number received: '));
  const bound = await acme.nol.accountVerifyPhoneConfirm({ phone: NUMBER, code: String(code) });
  console.log(`step 3: ${bound.verified_phone} is bound to the account`);

  // 4. The business profile (a personal listing refuses the business-only fields).
  const staged = await acme.nol.putAccountListing({
    e164: NUMBER,
    kind: 'business',
    dba: 'Acme Plumbing',
    legal_name: 'Acme Plumbing LLC',
    ein: '12-3456789',
    industry: 'Home services',
    address: '1 Main St, Austin TX',
    website: 'https://acme.example',
    bio: 'Licensed plumbers, same-day service.',
  });
  console.log(`step 4: staged the business profile "Acme Plumbing" (state ${staged.state})`);

  // 5. The logo, base64 in the parameters; type and size are checked before sending.
  const logo = await acme.nol.uploadListingLogo({ e164: NUMBER, file: { filename: 'logo.png', content_base64: LOGO_PNG_BASE64 } });
  console.log(`step 5: uploaded the logo (${logo.byte_size} bytes, ${logo.content_type})`);

  // 6. The payment link: open it in a new tab for the customer.
  const checkout = await acme.nol.verifyCheckout({ e164: NUMBER });
  console.log(`step 6: checkout for $${checkout.amount_usd}: the customer pays at ${checkout.url}`);

  // 7. Poll (with a growing pause) until the listing is verified, for up to 30 minutes.
  const deadline = Date.now() + 30 * 60 * 1000;
  let pause = 200;
  let status;
  let reads = 0;
  for (;;) {
    reads += 1;
    status = await acme.nol.getAccountListing({ e164: NUMBER });
    if (status.state === 'verified') break;
    if (Date.now() + pause > deadline) throw new Error(`not verified yet (state ${status.state}): poll again later`);
    await sleep(pause);
    pause = Math.min(pause * 1.5, 5000);
  }
  console.log(
    `step 7: verified after ${reads} status read(s): trust grade ${status.trust_grade}, ` +
      `live risk ${status.risk?.score} of 100 (${status.risk?.report_count} reports)`,
  );
  console.log(`        public listing "${status.listing?.name}" at ${status.listing?.public_url}`);
  console.log('done');
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
