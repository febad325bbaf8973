'use strict';
// Call control: Phone.com calls the partner's URL for each step of an incoming call (query string:
// uniqueID, dialedNumber, callerIdNumber, callerIdName, and later previous-response, digits,
// duration or error) and reads one text/plain command back.
//
// `handler(fn)` turns an answering function into a Node `http` request listener. The core's
// call-control helpers (request parsing, command rendering with the voice-tag and DTMF rules)
// are exposed here as plain functions as soon as the addon exports them: every native export
// named `callcontrol<Name>` becomes `callcontrol.<name>`, with errors converted.

const native = require('./native');
const { sync } = require('./errors');

const helpers = {};
for (const key of Object.keys(native)) {
  const m = /^callcontrol([A-Z].*)$/.exec(key);
  if (m && typeof native[key] === 'function') {
    const name = m[1].charAt(0).toLowerCase() + m[1].slice(1);
    helpers[name] = (...args) => sync(() => native[key](...args));
  }
}

/** The fields of one call-control request, from its URL's query string (every value a string). */
function requestFields(url) {
  const query = new URL(url, 'http://callcontrol.invalid').searchParams;
  const fields = {};
  for (const [k, v] of query) fields[k] = v;
  return fields;
}

/**
 * An `http` request listener for the call-control URL. `answer(fields, req)` returns (or resolves
 * to) the command text, e.g. `simple-forward,18585602222`; a throw answers 500 so Phone.com reports
 * the error. `fields` has the query's fields (`uniqueID`, `dialedNumber`, `previous-response`,
 * `digits`, `duration`, `error`, ...), or the core's parsed request when the addon provides one.
 */
function handler(answer) {
  if (typeof answer !== 'function') throw new TypeError('callcontrol.handler needs a function');
  const parse = helpers.parseRequest || requestFields;
  return (req, res) => {
    Promise.resolve()
      .then(() => answer(parse(req.url), req))
      .then(
        (command) => {
          const body = String(command ?? '');
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
          res.end(body);
        },
        (err) => {
          const body = `error: ${err && err.message ? err.message : String(err)}`;
          res.writeHead(500, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
          res.end(body);
        },
      );
  };
}

module.exports = Object.freeze({ ...helpers, requestFields, handler });
