'use strict';
// The Node clients of the benchmark (bench/run.sh runs them; see bench/README.md).
//
//   node node_bench.js binding|fetch --config CONFIG.json --calls N [--in-flight C]
//
// `binding`: the phonecom package's client.call (PHONECOM_NODE_PACKAGE names the installed
// package's folder); `fetch`: Node's built-in fetch + res.json(). Calls run C at a time. A few
// untimed calls first, then N timed; prints one JSON line like every client:
// {"client", "calls", "secs", "rss_warm_kb", "rss_end_kb"}.

const fs = require('node:fs');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function rssKb() {
  return Math.round(process.memoryUsage.rss() / 1024);
}

function client(kind, config) {
  if (kind === 'fetch') {
    const url = `${config.v4.base_url}/phone-numbers/available?limit=24`;
    const headers = { Authorization: `Bearer ${config.v4.token}` };
    return async () => {
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = await res.json();
      if (body.items.length !== 24) throw new Error('expected 24 items');
    };
  }
  if (kind === 'binding') {
    const { Client } = require(process.env.PHONECOM_NODE_PACKAGE || 'phonecom');
    const pc = new Client(config);
    return async () => {
      const body = await pc.call('v4.list-available-phone-numbers', { limit: 24 });
      if (body.items.length !== 24) throw new Error('expected 24 items');
    };
  }
  throw new Error(`node_bench: unknown client ${kind}`);
}

async function run(one, calls, inFlight) {
  let next = 0;
  const lane = async () => {
    while (next < calls) {
      next += 1;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, lane));
}

async function main() {
  const kind = process.argv[2];
  const config = JSON.parse(fs.readFileSync(option('--config'), 'utf8'));
  const calls = Number(option('--calls', '1000'));
  const inFlight = Number(option('--in-flight', '1'));
  const one = client(kind, config);
  // PHONECOM_BENCH_WARMUP (the RSS pass): a longer warm-up, so that V8's heap reaches its steady size.
  const forced = Number(process.env.PHONECOM_BENCH_WARMUP || 0);
  const warmup = forced > 0 ? forced : Math.max(inFlight, Math.min(200, Math.max(1, Math.floor(calls / 10))));
  await run(one, warmup, inFlight);
  if (global.gc) global.gc();
  const warm = rssKb();
  const started = process.hrtime.bigint();
  await run(one, calls, inFlight);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ client: `node-${kind}`, calls, secs, rss_warm_kb: warm, rss_end_kb: rssKb() }));
  process.exit(0);
}

main().catch((e) => {
  console.error(`node_bench: ${e && e.stack}`);
  process.exit(1);
});
