#!/usr/bin/env node
'use strict';
/**
 * Walk a long list with progress: every available number of the inventory (thousands of rows, 500
 * a page), then every call of a quarter from the XML API's call log (1,500 calls, walked by time
 * windows past the API's 500-row cap). The `onProgress` option gets `{pages, rows, total}` after
 * each page (`total` is null when the upstream gives none).
 *
 * Run: PHONECOM_CONFIG=/tmp/sandbox.json node list_walk.js   (`npm install` in this folder first)
 */

const { Client } = require('phonecom');

/** One line per page; a terminal would redraw one line with '\r' instead. */
function show({ pages, rows, total }) {
  const of = total === null ? `${rows} rows` : `${rows} of ${total} rows (${Math.floor((100 * rows) / Math.max(total, 1))}%)`;
  console.log(`  fetched ${pages} page${pages === 1 ? '' : 's'}, ${of}`);
}

async function main() {
  const client = Client.fromEnv(); // PHONECOM_CONFIG, then the PHONECOM_* variables

  // 1. The whole inventory, 500 rows a page; rows one by one, each page fetched when needed.
  console.log('step 1: every available number, 500 a page');
  const byArea = new Map();
  for await (const n of client.v4.listAvailablePhoneNumbers.iterate({ limit: 500 }, { onProgress: show })) {
    const area = n.npa ?? 'other';
    byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }
  const walked = [...byArea.values()].reduce((a, b) => a + b, 0);
  const busiest = [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`step 1: ${walked} numbers; busiest area codes: ${JSON.stringify(busiest)}`);

  // 2. The call log by time windows: no total, so the progress shows rows so far.
  console.log('step 2: every call of Q1 2024 from the XML API, 400 a page');
  let calls = 0;
  let seconds = 0;
  const q1 = { startTime: 1704067200, endTime: 1711929599, limit: 400 };
  for await (const call of client.xml.getCallList.iterate(q1, { onProgress: show })) {
    calls += 1;
    seconds += Number(call.duration ?? 0);
  }
  console.log(`step 2: ${calls} calls, ${Math.floor(seconds / 3600)} h of talk time`);
  if (walked < 1000 || calls === 0) throw new Error('expected thousands of numbers and some calls');
  console.log('done');
}

main().catch((e) => {
  console.error(`error: ${e.message}`);
  process.exitCode = 1;
});
