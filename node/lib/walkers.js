'use strict';
// Walks that are not limit/offset paging: core strategies that fetch an operation's rows over
// several requests. `xml.getCallList` returns at most 500 rows per request, so core walks a time
// range window by window (splitting full windows) and returns every call once.

const { fromNative, sync, validation } = require('./errors');

/** Unix epoch seconds from a number or a Date. */
function seconds(operation, field, v) {
  if (v instanceof Date) return Math.floor(v.getTime() / 1000);
  if (typeof v === 'number') return v;
  throw validation(operation, field, 'is required: Unix epoch seconds or a Date');
}

const WALKERS = {
  'xml.getCallList': {
    /** The TypeScript type of the walk's parameters (scripts/dts/base.d.ts). */
    dtsParams: 'XmlCallWalkParams',
    /** Where the row schema sits in the operation's result schema. */
    itemPath: ['properties', 'data', 'properties', 'items', 'items'],
    start(nativeClient, params) {
      const op = 'xml.getCallList';
      if (params === null || typeof params !== 'object') throw validation(op, 'params', 'must be {startTime, endTime}');
      for (const k of Object.keys(params)) {
        if (k !== 'startTime' && k !== 'endTime') throw validation(op, k, 'is not a parameter of the walk (startTime, endTime)');
      }
      const start = seconds(op, 'startTime', params.startTime);
      const end = seconds(op, 'endTime', params.endTime);
      return sync(() => nativeClient.xmlCalls(start, end));
    },
  },
};

/** Every row of a walk, a batch at a time, fetched off the event loop. */
async function* walk(nativeClient, name, params) {
  const walker = WALKERS[name].start(nativeClient, params);
  for (;;) {
    let text;
    try {
      text = await walker.nextBatch();
    } catch (e) {
      throw fromNative(e);
    }
    if (text === null || text === undefined) return;
    yield* JSON.parse(text);
  }
}

module.exports = { WALKERS, walk };
