'use strict';
// The sandbox as a child process: started with --exit-on-eof, its config line read from stdout, its
// console (stderr) kept as a bounded tail (for the start error) unless `console` lets it through.
//
//   const child = await spawnSandbox('/path/to/phonecom-sandbox', ['--seed', '7'], { console: false });
//   child.config.v4.base_url;   // 'http://127.0.0.1:41234/v4'
//   await child.stop();

const { spawn } = require('node:child_process');
const readline = require('node:readline');

/** Most characters of the console kept for an error message (the newest). */
const TAIL_CHARS = 4000;

/** Resolves to `{config, process, stop()}` once the config line is read; rejects with the console's tail. */
function spawnSandbox(binary, args, { console: showConsole }) {
  const child = spawn(binary, ['--exit-on-eof', ...args], { stdio: ['pipe', 'pipe', showConsole ? 'inherit' : 'pipe'] });
  let tail = '';
  if (child.stderr) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      tail = (tail + chunk).slice(-TAIL_CHARS);
    });
  }
  const closed = new Promise((done) => child.once('close', (code, signal) => done(signal || `status ${code}`)));
  const consoleTail = () => {
    if (!child.stderr) return ' (its console went to stderr)';
    const text = tail.trimEnd();
    return text ? `:\n${text}` : '; it printed nothing on stderr';
  };
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    let settled = false;
    const fail = (why) => {
      if (settled) return;
      settled = true;
      lines.close();
      child.stdin.end();
      reject(new Error(why));
    };
    child.once('error', (e) => fail(`cannot run ${binary} (${e.code || e.message}); set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary`));
    closed.then((how) => fail(`${binary} exited before printing its config (${how})${consoleTail()}`));
    lines.once('line', (line) => {
      let config;
      try {
        config = JSON.parse(line);
      } catch {
        config = null;
      }
      if (config === null || typeof config !== 'object') {
        child.kill();
        closed.then((how) => fail(`${binary} printed a first line that is not its config (${how})${consoleTail()}`));
        return;
      }
      settled = true;
      lines.close();
      child.stdout.resume();
      // A running sandbox does not keep this process alive: a program that forgets stop() still
      // ends, and the sandbox sees its stdin close. stop() holds the process until it has exited.
      const handles = [child, child.stdin, child.stdout, child.stderr].filter(Boolean);
      handles.forEach((h) => h.unref());
      const stop = () => {
        handles.forEach((h) => h.ref());
        if (child.exitCode === null && child.signalCode === null) child.stdin.end();
        return closed.then(() => undefined);
      };
      resolve({ config, process: child, stop });
    });
  });
}

module.exports = { spawnSandbox };
