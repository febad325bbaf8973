'use strict';
// REST v1 and numbers.online through the same catalog namespaces, against the sandbox: no code
// per family in the binding, the families' own rules and errors.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Client, ValidationError, NotFoundError, RateLimitedError, PermissionDeniedError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();

test('v1: a menu created, read, replaced, listed and deleted through suite.client.v1.menus', async () => {
  const [route] = await suite.client.v1.routes.list();
  const created = await suite.client.v1.menus.create({
    name: 'Main menu',
    allow_extension_dial: 'Y',
    digits: [{ digit: 1, route: route.resource_id }, { digit: 'pound', route: route.resource_id }],
  });
  assert.match(created.resource_id, /^[0-9a-f-]{36}$/);
  const menu = await suite.client.v1.menus.get({ resource_id: created.resource_id });
  assert.equal(menu.name, 'Main menu');
  assert.deepEqual(menu.digits.map((d) => d.digit), ['1', 'pound']);
  await suite.client.v1.menus.update({ resource_id: created.resource_id, name: 'After hours', digits: [{ digit: 0, route: route.resource_id }] });
  assert.equal((await suite.client.v1.menus.get({ resource_id: created.resource_id })).name, 'After hours');
  assert.ok((await suite.client.v1.menus.list()).some((m) => m.resource_id === created.resource_id));
  await suite.client.v1.menus.delete({ resource_id: created.resource_id });
  await assert.rejects(suite.client.v1.menus.get({ resource_id: created.resource_id }), (e) => {
    assert.ok(e instanceof NotFoundError, String(e));
    assert.equal(e.family, 'v1');
    assert.equal(e.status, 404);
    assert.ok(e.upstreamCode, 'the v1 error code is kept');
    return true;
  });
});

test('v1: the menu rules are checked before sending', async () => {
  const since = (await suite.sb.requests()).length;
  await assert.rejects(suite.client.v1.menus.create({ name: 'x', digits: [] }), (e) => e instanceof ValidationError && e.fields[0].field.startsWith('digits'));
  await assert.rejects(suite.client.v1.menus.create({ name: 'x', digits: [{ digit: 12, route: 'not-a-uuid' }] }), ValidationError);
  await assert.rejects(suite.client.v1.menus.get({ resource_id: 'nope' }), (e) => e instanceof ValidationError && e.fields[0].field === 'resource_id');
  assert.equal((await suite.sb.requests()).length, since, 'nothing was sent');
});

test('numbers.online: sign up, verify a phone by OTP, stage and verify a listing', async () => {
  const signup = await suite.client.nol.accountSignup({ name: 'Acme Dental', email: 'ops@acme.test' });
  assert.match(signup.api_key, /^nol_/);
  const acme = new Client({ ...suite.sb.config, nol: { ...suite.sb.config.nol, api_key: signup.api_key } });
  const account = await acme.nol.getAccount();
  assert.equal(account.account.id, signup.account.id);

  const phone = '+18585550142';
  const started = await acme.nol.accountVerifyPhoneStart({ phone, channel: 'sms' });
  assert.equal(started.ok, true);
  const bound = await acme.nol.accountVerifyPhoneConfirm({ phone, code: started.dev_code });
  assert.equal(bound.verified_phone, phone);

  const staged = await acme.nol.putAccountListing({ e164: phone, kind: 'business', dba: 'Acme Dental', website: 'https://acme.test' });
  assert.equal(staged.state, 'draft');
  const checkout = await acme.nol.verifyCheckout({ e164: phone });
  assert.equal(checkout.state, 'pending');
  const listing = await acme.nol.getAccountListing({ e164: phone });
  assert.equal(listing.state, 'verified');
  assert.equal(listing.trust_grade, 'A');

  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7f5e7b40000000049454e44ae426082', 'hex');
  const logo = await acme.nol.uploadListingLogo({ e164: phone, file: { filename: 'logo.png', content_type: 'image/png', content_base64: png.toString('base64') } });
  assert.equal(logo.content_type, 'image/png');
});

test('numbers.online: errors by code, with retry-after', async () => {
  await suite.sb.queueFault('status=429;retry_after=7', { path: '/api/v1/account' });
  await assert.rejects(suite.client.nol.getAccount({}, { maxAttempts: 1 }), (e) => {
    assert.ok(e instanceof RateLimitedError, String(e));
    assert.equal(e.retryAfter, 7);
    assert.equal(e.family, 'nol');
    return true;
  });
  const nokey = new Client({ ...suite.sb.config, nol: { base_url: suite.sb.config.nol.base_url, api_key: 'nol_0000000000000000000000000000000000000000' } });
  await assert.rejects(nokey.nol.getAccount(), (e) => e.code === 'PHONECOM_AUTHENTICATION' && e.upstreamCode === 'invalid_key');
  const signup = await suite.client.nol.accountSignup({ name: 'Two numbers' });
  const two = new Client({ ...suite.sb.config, nol: { ...suite.sb.config.nol, api_key: signup.api_key } });
  for (const [i, phone] of ['+18585550143', '+18585550144'].entries()) {
    const { dev_code } = await two.nol.accountVerifyPhoneStart({ phone });
    const confirm = two.nol.accountVerifyPhoneConfirm({ phone, code: dev_code });
    if (i === 0) await confirm;
    else {
      await assert.rejects(confirm, (e) => {
        assert.equal(e.upstreamCode, 'paid_verification_required');
        assert.ok(e instanceof PermissionDeniedError, String(e));
        return true;
      });
    }
  }
});
