'use strict';
// Lists as async iterators: pages, or rows across pages, fetched one page at a time off the
// event loop. The walk ends when the list does (v4: limit/offset to the end). `onProgress`
// (an option of every walk) gets the core's progress after each page:
//
//   for await (const n of client.items('v4.list-available-phone-numbers', {limit: 500},
//     {onProgress: (p) => console.log(`${p.rows} of ${p.total} rows`)})) { ... }

const { fromNative, sync, validation } = require('./errors');
const { paramsJson } = require('./json');

/** A page as the core returns it, with JavaScript names. */
function toPage(raw) {
  return {
    items: raw.items,
    total: raw.total ?? null,
    offset: raw.offset,
    limit: raw.limit,
    requestId: raw.request_id,
  };
}

/** `{pages, rows, total}` as the core reports it (`total` null when the upstream gives none). */
function toProgress(raw) {
  return Object.freeze({ pages: raw.pages, rows: raw.rows, total: raw.total ?? null });
}

/** The `onProgress` of a walk's options, checked. */
function progressCallback(name, options) {
  const onProgress = options?.onProgress;
  if (onProgress !== undefined && onProgress !== null && typeof onProgress !== 'function') {
    throw validation(name, 'onProgress', 'must be a function');
  }
  return onProgress ?? null;
}

/**
 * Every page of `name` (a pageable operation): `for await (const page of pages(...))`;
 * `options.onProgress(progress)` runs after each page, before the page is yielded.
 */
async function* pages(nativeClient, name, params, options) {
  const onProgress = progressCallback(name, options);
  const walk = sync(() => nativeClient.pages(name, paramsJson(name, params)));
  for (;;) {
    let text;
    try {
      text = await walk.nextPage();
    } catch (e) {
      throw fromNative(e);
    }
    if (text === null || text === undefined) return;
    const raw = JSON.parse(text);
    if (onProgress) await onProgress(toProgress(raw.progress));
    yield toPage(raw);
  }
}

/** Every row of `name`, across pages: `for await (const row of items(...))`. */
async function* items(nativeClient, name, params, options) {
  for await (const page of pages(nativeClient, name, params, options)) {
    yield* page.items;
  }
}

module.exports = { pages, items, toPage, toProgress };
