'use strict';
// Type-check fixtures against index.d.ts with `tsc --strict`: what a user writes right compiles,
// and each mistake fails. Required request fields are required (`contact: {name: 'x'}` fails),
// result fields the schema requires are not optional (`n.phone_number` is a string), a
// written-out operation name must be an operation (a misspelt one fails), and a name in a
// `string` variable still compiles.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE = path.resolve(__dirname, '..');
const TSC = path.join(NODE, 'node_modules', '.bin', 'tsc');

const HEADER = `import { Client, type ExpressContact } from 'phonecom';
declare const client: Client;
declare const name: string;
const contact: ExpressContact = {
  name: 'Ada Lovelace',
  address: { line_1: '411 Elm St', city: 'Dallas', province: 'TX', country: 'US' },
  phone: '+15555550001',
  primary_email: 'ada@example.com',
};
`;

const PASSES = `
export async function flows(): Promise<string> {
  const account = await client.call('v4.get-account');
  const id: number | null | undefined = account.id;
  const list = await client.v4.listAvailablePhoneNumbers({ limit: 5 });
  const total: number = list.total;
  const phone: string = list.items[0].phone_number;
  const any: unknown = await client.call(name, { anything: 1 });
  const withMeta = await client.callWith(name);
  const done = await client.express.signup({ partner: 'acme', user_id: '1', contact });
  const again = await client.call('express.signup', { partner: 'acme', user_id: '2', contact, card_token: 'tok' });
  await client.call('v4.list-account-voicemail', { filters: { is_new: true, from: 'eq:+15555550001' } });
  await client.call('v4.create-account-media-tts', { name: 'Hi', tts_text: 'Hi', is_temparary: true });
  await client.v4.createAccountMediaTts({ name: 'Hi', tts_text: 'Hi', randomized: 'N' });
  return [id, total, phone, String(any), withMeta.status, done.username, again.recovered].join(' ');
}
`;

// [the mistake, what must appear in tsc's error]
const FAILS = [
  ["client.express.signup({ partner: 'a', user_id: '1', contact: { name: 'x' } })", 'ContactInput'],
  ["client.call('express.signup', { partner: 'a', user_id: '1', contact: { name: 'x' } })", 'TS2769'],
  ["client.call('v4.get-acount')", 'TS2769'],
  ["client.callWith('xml.getNumberList')", 'TS2769'],
  ['client.v4.getAcount()', 'getAcount'],
  ["client.call('v4.list-account-voicemail', { filters: { is_new: 'eq:true' } })", 'TS2769'],
  ["client.v4.createAccountMediaTts({ name: 'Hi', tts_text: 'Hi', randomized: 'yes' })", 'TS2322'],
  ["client.v4.listAvailablePhoneNumbers().then((l) => { const c: string = l.items[0].city; return c; })", 'TS2322'],
];

function tsc(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonecom-typing-'));
  try {
    fs.writeFileSync(path.join(dir, 'fixture.ts'), HEADER + body);
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'commonjs',
        moduleResolution: 'node10',
        types: [],
        skipLibCheck: false,
        baseUrl: '.',
        paths: { phonecom: [path.join(NODE, 'index.d.ts')] },
      },
      files: ['fixture.ts'],
    };
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    const r = spawnSync(TSC, ['-p', dir], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('code written right compiles under tsc --strict', () => {
  const r = tsc(PASSES);
  assert.equal(r.status, 0, r.output);
});

for (const [mistake, reported] of FAILS) {
  test(`tsc --strict refuses: ${mistake.slice(0, 60)}`, () => {
    const r = tsc(`export function wrong(): unknown {\n  return ${mistake};\n}\n`);
    assert.notEqual(r.status, 0, `tsc accepted: ${mistake}`);
    assert.ok(r.output.includes(reported), r.output);
  });
}
