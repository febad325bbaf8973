// A small DevTools-protocol driver for headless Chromium: launch, open a page, evaluate, wait,
// click, screenshot. It speaks CDP over Node's own WebSocket, so the test needs no npm package
// (and no browser-automation library pinned to another Chromium than Debian's).
//
//   const browser = await Browser.launch('/usr/bin/chromium', { width: 960, height: 640 });
//   const page = await browser.open('http://127.0.0.1:PORT/');
//   await page.waitFor('document.body.dataset.rendered === "overview"');
//   await page.screenshot('overview.png');
//   await browser.close();

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WAIT_MS = 20000;

class Session {
  constructor(url) {
    this.ws = new WebSocket(url);
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    this.ws.addEventListener('message', (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const fn of this.listeners) fn(msg);
      }
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.addEventListener('open', resolve, { once: true });
      this.ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
  }

  send(method, params = {}) {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(fn) { this.listeners.push(fn); }

  close() { this.ws.close(); }
}

export class Page {
  constructor(session, size) {
    this.s = session;
    this.size = size;
    this.requests = [];
    this.errors = [];
  }

  async init() {
    await this.s.opened;
    this.s.on((m) => {
      if (m.method === 'Network.requestWillBeSent') this.requests.push(m.params.request.url);
      if (m.method === 'Runtime.exceptionThrown') this.errors.push(m.params.exceptionDetails.exception?.description || m.params.exceptionDetails.text);
      if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') this.errors.push(m.params.entry.text);
    });
    await this.s.send('Page.enable');
    await this.s.send('Runtime.enable');
    await this.s.send('Network.enable');
    await this.s.send('Log.enable');
    await this.s.send('Emulation.setDeviceMetricsOverride', { ...this.size, deviceScaleFactor: 1, mobile: false });
  }

  async goto(url) {
    const loaded = new Promise((resolve) => this.s.on((m) => { if (m.method === 'Page.loadEventFired') resolve(); }));
    await this.s.send('Page.navigate', { url });
    await loaded;
  }

  /** The value of a JavaScript expression in the page (promises awaited). */
  async eval(expression) {
    const r = await this.s.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    return r.result.value;
  }

  /** Waits until `expression` is truthy (checked every 100 ms, up to 20 s) and returns it. */
  async waitFor(expression, what = expression) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const v = await this.eval(expression).catch(() => undefined);
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Lets `origin` read and write the clipboard (headless Chromium asks no one). */
  async allowClipboard(origin) {
    await this.s.send('Browser.grantPermissions', { origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    await this.s.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  }

  /** A new viewport size (CSS pixels). */
  async resize(size) {
    this.size = size;
    await this.s.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false });
  }

  async screenshot(file) {
    const { data } = await this.s.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(file, Buffer.from(data, 'base64'));
  }
}

export class Browser {
  static async launch(executable, size) {
    const profile = mkdtempSync(join(tmpdir(), 'phonecom-chromium-'));
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--mute-audio',
      '--no-first-run', '--no-default-browser-check', '--disable-extensions',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--window-size=${size.width},${size.height}`,
      'about:blank',
    ];
    const proc = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ws = await new Promise((resolve, reject) => {
      let seen = '';
      const fail = (why) => reject(new Error(`chromium did not start (${why}):\n${seen}`));
      proc.stderr.on('data', (chunk) => {
        seen += chunk;
        const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
      proc.on('exit', (code) => fail(`exit ${code}`));
      setTimeout(() => fail('no DevTools URL in 30 s'), 30000).unref();
    });
    const b = new Browser(proc, profile, size, new URL(ws));
    return b;
  }

  constructor(proc, profile, size, ws) {
    this.proc = proc;
    this.profile = profile;
    this.size = size;
    this.http = `http://${ws.host}`;
  }

  async open(url) {
    const res = await fetch(`${this.http}/json/new?${encodeURI(url)}`, { method: 'PUT' });
    const target = await res.json();
    const page = new Page(new Session(target.webSocketDebuggerUrl), this.size);
    await page.init();
    await page.eval('1');
    return page;
  }

  async close() {
    this.proc.kill('SIGTERM');
    await new Promise((r) => (this.proc.exitCode !== null ? r() : this.proc.on('exit', r)));
    // Chromium's helper processes may still be writing the profile for a moment.
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (e) {
      console.error(`left ${this.profile} behind: ${e.message}`);
    }
  }
}
