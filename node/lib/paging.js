'use strict';
// Lists as async iterators: pages, or rows across pages, fetched one page at a time off the
// event loop. The walk ends when the list does (v4: limit/offset to the end).

const { fromNative, sync } = require('./errors');
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

/** Every page of `name` (a pageable operation): `for await (const page of pages(...))`. */
async function* pages(nativeClient, name, params) {
  const walk = sync(() => nativeClient.pages(name, paramsJson(name, params)));
  for (;;) {
    let text;
    try {
      text = await walk.nextPage();
    } catch (e) {
      throw fromNative(e);
    }
    if (text === null || text === undefined) return;
    yield toPage(JSON.parse(text));
  }
}

/** Every row of `name`, across pages: `for await (const row of items(...))`. */
async function* items(nativeClient, name, params) {
  for await (const page of pages(nativeClient, name, params)) {
    yield* page.items;
  }
}

module.exports = { pages, items, toPage };
