'use strict';
// Client.fromFile: the core reads and checks the file (core/src/config_file.rs), as in every
// language; errors name the path and the problem, never the file's values.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const url = require('node:url');
const { Client, ValidationError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();
let dir;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonecom-config-'));
});
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a file path or a file: URL gives a working client', async () => {
  const file = path.join(dir, 'sandbox.json');
  fs.writeFileSync(file, JSON.stringify(suite.sb.config));
  for (const where of [file, url.pathToFileURL(file)]) {
    assert.equal((await Client.fromFile(where).v4.getAccount()).id, suite.sb.config.v4.account_id);
  }
});

test('a typo, a wrong type or a bad file names the path and the problem, never a value', () => {
  for (const [name, text, says] of [
    ['typo.json', '{"v4": {"tokn": "Leaky-Secret-9"}}', /tokn/],
    ['type.json', '{"v4": {"account_id": "Leaky-Secret-9"}}', /expected u64/],
    ['array.json', '["Leaky-Secret-9"]', /JSON object/],
    ['broken.json', '{"v4": {"token": "Leaky-Secret-9"', /not valid JSON/],
  ]) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    assert.throws(() => Client.fromFile(file), (e) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.ok(e.message.includes(`config file \`${file}\``), e.message);
      assert.match(e.message, says);
      assert.ok(!JSON.stringify(e).includes('Leaky-Secret-9'), e.message);
      return true;
    });
  }
  assert.throws(() => Client.fromFile(path.join(dir, 'missing.json')), (e) => e instanceof ValidationError && /no such file/.test(e.message));
});
