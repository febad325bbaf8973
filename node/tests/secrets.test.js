'use strict';
// No form of any secret in any error: credentials with the characters that each encoding changes
// (& < > " ' % + / = :), refused by every family, and secrets the upstream repeats back (the
// sandbox's `echo` fault), in every surface of the error. The same provocations and the same
// forms (support/secrets.js) as the Python and C suites.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const { Client, PhoneComError } = require('phonecom');
const { sandboxSuite, contact } = require('./support/sandbox');
const { configSecrets, leaks } = require('./support/secrets');

const SPECIAL = `&<>"'%+/=:`;
const PER_CALL_PASSWORD = `Pw_${SPECIAL}echo0123456789`;
const suite = sandboxSuite();

test('no form of any secret in any error', async () => {
  const wrong = JSON.parse(JSON.stringify(suite.sb.config));
  wrong.v4.token = `sbx_v4_${SPECIAL}tok0123456789`;
  wrong.xml.password = `xml_${SPECIAL}pw0123456789`;
  wrong.v1.api_key = `v1_${SPECIAL}key0123456789`;
  wrong.v1.password = `v1pw_${SPECIAL}0123456789`;
  wrong.nol.api_key = `nol_${SPECIAL}key0123456789`;
  const once = { retry: { max_attempts: 1 } };
  const real = new Client({ ...suite.sb.config, ...once });
  const bad = new Client({ ...wrong, ...once });
  const secrets = [...configSecrets(suite.sb.config), ...configSecrets(wrong), [PER_CALL_PASSWORD]];
  const account = suite.sb.config.v4.account_id;
  const echo = (path) => suite.sb.queueFault('echo', { path });
  const provoked = [
    ['v4, wrong token', () => bad.v4.getAccount()],
    ['xml, wrong password', () => bad.xml.getPhoneNumberList()],
    ['v1, wrong key and password', () => bad.v1.menus.list()],
    ['nol, wrong key', () => bad.nol.getAccount()],
    ['v4, a per-call password echoed', async () => {
      await echo(`/v4/accounts/${account}/subaccounts`);
      return real.v4.createAccountSubaccount({ username: 'echoed', password: PER_CALL_PASSWORD, contact: contact() });
    }],
    ['xml, the configured password echoed', async () => (await echo('/special/xmlapi'), real.xml.getPhoneNumberList())],
    ['v1, the configured key echoed', async () => (await echo('/v1'), real.v1.menus.list())],
  ];
  for (const [what, provoke] of provoked) {
    await assert.rejects(provoke(), (e) => {
      assert.ok(e instanceof PhoneComError, `${what}: ${e && e.stack}`);
      const surfaces = [e.message, e.stack, JSON.stringify(e), util.inspect(e, { depth: 5 })].join('\n');
      assert.deepEqual(leaks(surfaces, secrets), [], `${what}: ${e.message}`);
      return true;
    }, what);
  }
});
