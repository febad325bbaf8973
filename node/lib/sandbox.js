'use strict';
/**
 * The sandbox shipped with the package: a local, stateful stand-in for every Phone.com service,
 * for developing before you have credentials.
 *
 *   const { Client } = require('phonecom');
 *   const { start } = require('phonecom/sandbox');      // ESM: import { startSandbox } from 'phonecom/sandbox'
 *   const sandbox = await start();                      // waits for its config line
 *   const client = new Client(sandbox.config);          // a ready client config
 *   ...
 *   await sandbox.stop();                               // also: `await using sandbox = await start()`
 *
 * The binary is `PHONECOM_SANDBOX_BIN` when set, else the one the package ships for this platform,
 * else `phonecom-sandbox` on PATH (the C tarball and the Debian package install one). It runs with
 * `--exit-on-eof`: it stops when this process closes its stdin, so it never outlives the program.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const readline = require('node:readline');
const { prebuiltSandbox } = require('./platform');

/** The sandbox binary this package would run. */
function sandboxBinary() {
  if (process.env.PHONECOM_SANDBOX_BIN) return process.env.PHONECOM_SANDBOX_BIN;
  const shipped = prebuiltSandbox();
  return fs.existsSync(shipped) ? shipped : 'phonecom-sandbox';
}

/**
 * Start a sandbox; resolves once it has printed its config line.
 * Options: `seed` (same seed, same credentials and inventory), `port` (0: any free port),
 * `rateLimit` (enforce the upstream rate limits), `binary` (overrides the lookup above).
 * Resolves to `{ config, url, process, stop() }`: `config` is the parsed config line.
 */
function start({ seed, port, rateLimit = false, binary = sandboxBinary() } = {}) {
  const args = ['--exit-on-eof'];
  if (seed !== undefined) args.push('--seed', String(seed));
  if (port !== undefined) args.push('--port', String(port));
  if (rateLimit) args.push('--rate-limit');
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const fail = (why) => {
      lines.close();
      child.stdin.end();
      reject(new Error(`phonecom: the sandbox (${binary}) did not start: ${why}; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary`));
    };
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code, signal) => fail(`it exited (${signal || `status ${code}`}) before printing its config`));
    lines.once('line', (line) => {
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      let config;
      try {
        config = JSON.parse(line);
      } catch (e) {
        fail(`its first line is not JSON (${e.message})`);
        return;
      }
      lines.close();
      child.stdout.resume();
      const exited = new Promise((done) => child.once('exit', done));
      const stop = () => {
        child.stdin.end();
        return exited.then(() => undefined);
      };
      resolve({
        config,
        url: new URL(config.v4.base_url).origin,
        process: child,
        stop,
        [Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose')]: stop,
      });
    });
  });
}

module.exports = { start, startSandbox: start, sandboxBinary };
