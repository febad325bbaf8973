#!/usr/bin/env node
'use strict';
/**
 * An auto-attendant menu with REST API v1: two routes (call-handling rules) "Sales" and
 * "Support", the greeting callers hear (a WAV file, checked before it is sent), the menu (press 1
 * for Sales, 2 for Support), read back.
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node v1_menu.js   (`npm install` in this folder first)
 */

const { Client } = require('phonecom');

/** One second of a 440 Hz tone: 8 kHz, 16-bit mono PCM in a RIFF/WAVE file. */
function greetingWav() {
  const rate = 8000;
  const wav = Buffer.alloc(44 + rate * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + rate * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16); // format chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36);
  wav.writeUInt32LE(rate * 2, 40);
  for (let i = 0; i < rate; i++) wav.writeInt16LE(Math.trunc(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + 2 * i);
  return wav;
}

async function main() {
  const { v1 } = Client.fromEnv();

  // 1-2. The routes each key leads to: ring an extension.
  const routes = {};
  for (const [step, name, extension] of [[1, 'Sales', '102'], [2, 'Support', '101']]) {
    const created = await v1.routes.create({ body: { name, rules: [{ action: 'ring', extension }] } });
    routes[name] = created.resource_id;
    console.log(`step ${step}: created route ${name} (${routes[name]}), ringing extension ${extension}`);
  }

  // 3. The greeting, base64 in the parameters; type and size are checked before sending.
  const wav = greetingWav();
  const media = await v1.media.create({ name: 'Main menu greeting', file: { filename: 'main-menu.wav', content_base64: wav.toString('base64') } });
  console.log(`step 3: uploaded greeting main-menu.wav (${wav.length} bytes) as ${media.resource_id}`);

  // 4. The menu: the greeting, then 1 -> Sales, 2 -> Support; callers may dial an extension.
  const menu = await v1.menus.create({
    name: 'Main menu',
    outgoing_recording: media.resource_id,
    allow_extension_dial: true,
    wait_time: 5,
    digits: [{ digit: 1, route: routes.Sales }, { digit: 2, route: routes.Support }],
  });
  console.log(`step 4: created menu "Main menu" (${menu.resource_id}): 1 -> Sales, 2 -> Support`);

  // 5. Read it back.
  const back = await v1.menus.get({ resource_id: menu.resource_id });
  console.log(`step 5: read back "${back.name}": greeting ${back.outgoing_recording}, wait ${back.wait_time} s`);
  const names = Object.fromEntries(Object.entries(routes).map(([name, id]) => [id, name]));
  for (const d of back.digits) console.log(`        press ${d.digit}: ${names[d.route] ?? d.route}`);
  if (back.digits.length !== 2) throw new Error('the menu does not have its two keys');
  console.log('done');
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
