// The dashboard in headless Chromium: every tab renders, a subaccount created through a real
// client appears on the v4 tab, a fault queued from the Controls form reaches the client's next
// call, every other control works from the page, the page loads nothing from elsewhere, and no
// secret of the config is ever in it. A screenshot of each tab goes to OUT.
//
//   node dashboard.mjs SANDBOX_BINARY CHROMIUM OUT [DOCS]
//
// With DOCS, also writes the small screenshots committed under sandbox/docs/.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Browser } from './cdp.mjs';

const [sandboxBin, chromium, out, docs] = process.argv.slice(2);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TABS = ['overview', 'v4', 'xml', 'callcontrol', 'v1', 'nol', 'requests', 'controls'];
const SIZE = { width: 960, height: 600 };
// The committed screenshots: small, so that each PNG stays well under 100 KB.
const DOCS_SIZE = { width: 800, height: 450 };

const step = (what) => console.log(`  - ${what}`);

async function startSandbox() {
  const log = openSync(join(out, 'sandbox.log'), 'w');
  const proc = spawn(sandboxBin, ['--exit-on-eof'], { stdio: ['pipe', 'pipe', log] });
  const first = await new Promise((res, rej) => {
    createInterface({ input: proc.stdout }).once('line', res);
    proc.once('exit', (c) => rej(new Error(`the sandbox exited (${c}) before its config line`)));
  });
  return { proc, config: JSON.parse(first) };
}

// The client the partner would use: the Node binding when it is built, else fetch on v4.
function makeClient(config) {
  const addon = join(ROOT, 'node', 'phonecom.node');
  if (existsSync(addon)) {
    const { Client } = createRequire(import.meta.url)(join(ROOT, 'node'));
    const c = new Client(config);
    return {
      kind: 'the Node binding',
      createSubaccount: (body) => c.v4.createAccountSubaccount(body),
      // One attempt, so the fault is what the caller sees (not hidden by a retry).
      getAccount: () => c.v4.getAccount({}, { maxAttempts: 1 }).then(
        (a) => ({ status: 200, body: a }),
        (e) => ({ status: e.status, body: e }),
      ),
    };
  }
  const v4 = config.v4;
  const call = async (method, path, body) => {
    const res = await fetch(`${v4.base_url}/accounts/${v4.account_id}${path}`, {
      method,
      headers: { Authorization: `Bearer ${v4.token}`, 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    kind: "Node's fetch (node/phonecom.node is not built)",
    createSubaccount: async (body) => {
      const r = await call('POST', '/subaccounts', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    },
    getAccount: () => call('GET', ''),
  };
}

// A partner's call-control endpoint: asks for a digit, then hangs up.
function startPartner() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const answer = url.searchParams.has('digits') || url.searchParams.has('duration')
      ? '' : 'play-and-get-digits,Main Menu,D';
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(answer && answer + '\n');
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

async function main() {
  mkdirSync(out, { recursive: true });
  const sb = await startSandbox();
  const base = sb.config.nol.base_url;
  const secrets = [sb.config.v4.token, sb.config.xml.password, sb.config.v1.api_key,
    sb.config.v1.password, sb.config.nol.api_key];
  const client = makeClient(sb.config);
  const partner = await startPartner();
  const browser = await Browser.launch(chromium, SIZE);
  let page;
  try {
    page = await browser.open('about:blank');
    const show = async (tab) => {
      await page.eval(`location.hash = '#${tab}'`);
      await page.waitFor(`document.body.dataset.rendered === '${tab}' && document.querySelector('#tab-${tab}').classList.contains('active')`, `the ${tab} tab`);
    };
    const noSecrets = async (where) => {
      const html = await page.eval('document.documentElement.outerHTML');
      for (const s of secrets) assert.ok(!html.includes(s), `a config secret is on the ${where} tab`);
    };
    const submit = async (form, fill, status) => {
      await show('controls');
      await page.eval(`(() => { document.getElementById('control-result').dataset.status = '';
        const f = document.getElementById('${form}'); ${fill}
        f.querySelector('button:not([type=button])').click(); })()`);
      const got = await page.waitFor(`document.getElementById('control-result').dataset.status`, `the answer to ${form}`);
      assert.equal(got, String(status), await page.eval(`document.getElementById('control-result').textContent`));
      return JSON.parse((await page.eval(`document.getElementById('control-result').textContent`)).split('\n').slice(1).join('\n'));
    };

    step(`load the page (client: ${client.kind})`);
    await page.goto(`${base}/`);
    await show('overview');
    const config = await page.eval(`document.getElementById('config').textContent`);
    assert.match(config, /"token": "\*\*\*"/);
    assert.ok(config.includes(sb.config.v4.base_url));
    await noSecrets('overview');
    await page.allowClipboard(base);
    await page.eval(`document.getElementById('copy-config').click()`);
    await page.waitFor(`document.getElementById('copy-config').textContent.startsWith('Copied')`, 'the copy button');
    const copied = JSON.parse(await page.eval('navigator.clipboard.readText()'));
    assert.deepEqual(copied, sb.config, 'the button copies the real config');

    step('a subaccount created through the client appears on the v4 tab');
    const username = `browser-${process.pid}`;
    const sub = await client.createSubaccount({ username, password: 'Browser-pass-1', contact: { name: 'Browser Kid' } });
    await show('v4');
    await page.waitFor(`document.getElementById('v4-state').textContent.includes('${username}')`, 'the new subaccount on the v4 tab');
    assert.ok(await page.eval(`document.getElementById('v4-state').textContent.includes('${sub.id}')`));
    await page.eval(`(() => { const f = document.getElementById('inventory-filter');
      f.q.value = 'Toronto'; f.querySelector('button').click(); })()`);
    await page.waitFor(`/of 2120 available numbers match/.test(document.getElementById('v4-inventory').textContent)
      && [...document.querySelectorAll('#v4-inventory tbody tr')].every((tr) => tr.textContent.includes('Toronto'))`, 'the filtered inventory');

    step('a fault queued from the Controls form reaches the client\'s next call');
    const queued = await submit('form-fault', `f.family.value = '/v4'; f.path.value = '/v4/accounts';
      f.method.value = 'GET'; f.fault.value = 'status=503'; f.times.value = '1';`, 201);
    assert.equal(queued.fault, 'status=503');
    await page.waitFor(`document.querySelector('#form-fault .queued').textContent.includes('status=503')`, 'the queued fault listed');
    const hit = await client.getAccount();
    assert.equal(hit.status, 503, 'the client got the fault');
    assert.equal((await client.getAccount()).status, 200, 'once only');

    step('the request shows on the Requests tab, newest first, expandable, filterable');
    await show('requests');
    await page.waitFor(`[...document.querySelectorAll('#request-rows tr.request')].some((tr) => tr.textContent.includes('status=503'))`, 'the faulted request');
    const first = await page.eval(`document.querySelector('#request-rows tr.request').textContent`);
    assert.ok(first.includes('200') && first.includes('/v4/accounts/1000001'), `newest first: ${first}`);
    await page.eval(`[...document.querySelectorAll('#request-rows tr.request')].find((tr) => tr.textContent.includes('status=503')).click()`);
    const detail = await page.waitFor(`document.querySelector('#request-rows tr.detail')?.textContent`, 'the expanded request');
    assert.ok(detail.includes('Bearer ***') && detail.includes('Service Unavailable'), detail);
    await page.eval(`(() => { const f = document.getElementById('request-filter'); f.status.value = '5xx';
      f.dispatchEvent(new Event('change')); })()`);
    await page.waitFor(`(() => { const rows = [...document.querySelectorAll('#request-rows tr.request')];
      return rows.length === 1 && rows[0].textContent.includes('503'); })()`, 'only the 5xx request');
    await page.screenshot(join(out, 'requests-5xx.png'));
    await page.eval(`(() => { const f = document.getElementById('request-filter'); f.status.value = '';
      f.dispatchEvent(new Event('change')); })()`);
    await noSecrets('requests');

    step('drive a call-control call from the page; its transcript shows');
    const call = await submit('form-call', `f.url.value = 'http://127.0.0.1:${partner.address().port}/voice';
      f.digits.value = '7';`, 201);
    assert.equal(call.outcome, 'hangup');
    await show('callcontrol');
    await page.waitFor(`document.querySelector('[data-call="${call.uniqueID}"]')?.textContent.includes('play-and-get-digits')`, 'the transcript');

    step('move the clock, switch rate limiting on and off');
    const clock = await submit('form-clock', `f.advance_s.value = '7200';`, 200);
    assert.equal(clock.offset_s, 7200);
    await show('overview');
    await page.waitFor(`document.getElementById('clock').textContent.includes('+7200 s')`, 'the moved clock');
    assert.equal((await submit('form-rate', `f.enabled.checked = true;`, 200)).enabled, true);
    assert.equal((await submit('form-rate', `f.enabled.checked = false;`, 200)).enabled, false);

    step('every tab renders; a screenshot of each');
    const expected = { xml: 'sandbox (1000001)', v1: 'contacts', nol: 'key_prefix', callcontrol: call.uniqueID };
    for (const tab of TABS) {
      await show(tab);
      await noSecrets(tab);
      if (expected[tab]) {
        assert.ok(await page.eval(`document.getElementById('tab-${tab}').textContent.includes(${JSON.stringify(expected[tab])})`), `${tab} shows ${expected[tab]}`);
      }
      await page.screenshot(join(out, `${tab}.png`));
    }
    if (docs) {
      mkdirSync(docs, { recursive: true });
      await page.resize(DOCS_SIZE);
      for (const tab of TABS) {
        await show(tab);
        await page.eval('window.scrollTo(0, 0)');
        await page.screenshot(join(docs, `dashboard-${tab}.png`));
      }
      await page.resize(SIZE);
    }

    step('reset from the page: the subaccount is gone');
    await submit('form-reset', '', 200);
    await show('v4');
    await page.waitFor(`!document.getElementById('v4-state').textContent.includes('${username}')
      && document.getElementById('v4-state').textContent.includes('sandbox-partner')`, 'the seeded start');

    step('nothing was loaded from anywhere but the sandbox, and the page raised no error');
    const foreign = page.requests.filter((u) => !u.startsWith(`${base}/`) && u !== 'about:blank');
    assert.deepEqual(foreign, []);
    assert.deepEqual(page.errors, []);
  } catch (e) {
    if (page) await page.screenshot(join(out, 'failure.png')).catch(() => {});
    throw e;
  } finally {
    await browser.close();
    partner.close();
    sb.proc.stdin.end();
  }
  console.log(`dashboard: all checks passed; screenshots in ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
