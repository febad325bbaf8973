'use strict';
// Call control: Phone.com calls the partner's URL for each step of an incoming call (query string
// or form body: uniqueID, dialedNumber, callerIdNumber, callerIdName, and later
// previous-response, digits, duration or error) and reads one text/plain command back.
//
// The parsing, classification and command rules are core's (voice tags of 1-40 characters, no
// quote, comma or line break in a field, E.164 numbers, DTMF only on the simple forwards, patterns
// of 0-9, D and |): these are conversions, plus `handler`, which makes an `http` request listener.

const native = require('./native');
const { sync, validation } = require('./errors');
const { toJson } = require('./json');

/** The command names of the protocol. */
const COMMANDS = Object.freeze(native.callcontrolCommands());
/** The longest voice tag, in characters. */
const VOICE_TAG_MAX = native.callcontrolVoiceTagMax();
/**
 * The largest form body `handler` reads, in bytes (the core's limit, as Python's
 * `callcontrol.MAX_BODY`; a request is a few hundred bytes). A larger one is answered 413
 * without being buffered.
 */
const MAX_BODY = native.callcontrolMaxBody();

/**
 * A request from Phone.com (its query string or form body, or a full URL) parsed and classified:
 * `{event, uniqueID, dialedNumber, callerIdNumber, callerIdName, 'previous-response', digits,
 * duration, error, extra}`; `event` is `new_call`, `command_result`, `digits`, `completed` or `error`.
 */
function parseRequest(input) {
  if (typeof input !== 'string') throw validation('callcontrol.request', 'request', 'must be a query string or form body');
  const q = input.indexOf('?');
  const text = q >= 0 ? input.slice(q + 1) : input;
  return JSON.parse(sync(() => native.callcontrolParseRequest(text)));
}

/**
 * The `text/plain` line of a command: `{command: 'simple-forward', number: '+18585602222', dtmf:
 * 'ww123'}` -> `simple-forward,18585602222ww123`. A line given as a string is checked by the same
 * rules. Throws a ValidationError naming the field and the rule.
 */
function render(command) {
  if (typeof command === 'string') return sync(() => native.callcontrolCheckLine(command));
  if (command === null || typeof command !== 'object') {
    throw validation('callcontrol.render', 'command', 'must be a command object or a command line');
  }
  const text = toJson('callcontrol.render', 'command', command);
  return sync(() => native.callcontrolRender(text));
}

/** A command line back to its JSON form. */
function parseCommand(line) {
  if (typeof line !== 'string') throw validation('callcontrol.render', 'command', 'must be a command line');
  return JSON.parse(sync(() => native.callcontrolParseCommand(line)));
}

const EVENT_METHODS = {
  new_call: (h, call) => h.newCall(call),
  command_result: (h, call) => (h.commandResult ? h.commandResult(call, call['previous-response'] || '') : null),
  digits: (h, call) => (h.digits ? h.digits(call, call.digits || '') : null),
  // Nothing is said after a completed call or an error, whatever the method returns.
  completed: async (h, call) => {
    if (h.completed) await h.completed(call, call.duration || 0);
    return null;
  },
  error: async (h, call) => {
    if (h.error) await h.error(call, call.error || '');
    return null;
  },
};

/** What an answer function or event method returned, as the line to send ('' for nothing). */
function answerLine(answer) {
  if (answer === undefined || answer === null || answer === '') return '';
  return render(answer);
}

/** An answer the core's HTTP policy decided (`{status, body}`), to send as is. */
class Refusal {
  constructor({ status, body }) {
    this.status = status;
    this.body = body;
  }
}

/**
 * The request's body as text, after the core's HTTP policy (core/src/callcontrol/http.rs, the
 * same as Python's `Handler`): GET or POST (405), a form body (415), a whole Content-Length (400)
 * of at most MAX_BODY bytes (413, by its Content-Length or as it arrives; the rest is read and
 * dropped, never kept). A refusal rejects with a `Refusal`.
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const headers = req.headers || {};
    const header = (name) => (headers[name] === undefined ? undefined : String(headers[name]));
    const refused = sync(() => native.callcontrolAdmit(String(req.method || 'GET'), header('content-type'), header('content-length')));
    if (refused) {
      if (typeof req.resume === 'function') req.resume(); // drain, keeping none of it
      return reject(new Refusal(refused));
    }
    if (String(req.method || 'GET').toUpperCase() === 'GET' || typeof req.on !== 'function') return resolve('');
    const refuse = (size) => {
      req.removeAllListeners('data');
      req.resume(); // drain what is still coming, keeping none of it
      reject(new Refusal(native.callcontrolBodyTooLarge(size)));
    };
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) refuse(size);
      else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * An `http` request listener for the call-control URL. `answer` is either a function
 * `(call, req) => command` or an object of event methods `{newCall(call), digits(call, digits),
 * commandResult(call, previous), completed(call, duration), error(call, message)}` (only
 * `newCall` is required). A command is an object (`{command: 'play-and-get-digits', recording:
 * 'Main Menu', patterns: ['D']}`), a line, or nothing (empty answer). Every command is checked
 * before it is sent. The core's HTTP policy answers first: 405 (with `Allow: GET, POST`) for
 * another method, 415 for a body that is not a form, 413 for one over `MAX_BODY` bytes. A
 * request that cannot be parsed answers 400; a throw or a bad command answers 500 with the
 * reason (Phone.com then reports the error).
 */
function handler(answer) {
  const isFn = typeof answer === 'function';
  if (!isFn && !(answer && typeof answer.newCall === 'function')) {
    throw validation('callcontrol.handler', 'answer', 'must be a function or an object with a newCall method');
  }
  return (req, res) => {
    let stage = 400;
    readBody(req)
      .then((body) => {
        const query = (req.url || '').includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
        // A POST to a URL with its own query (`?key=k`) carries the fields in the body: read both.
        const call = parseRequest([query, body].filter(Boolean).join('&'));
        stage = 500;
        return isFn ? answer(call, req) : EVENT_METHODS[call.event](answer, call);
      })
      .then(answerLine)
      .then(
        (line) => reply(res, 200, line),
        (err) => {
          if (err instanceof Refusal) return reply(res, err.status, err.body);
          return reply(res, stage, err && err.message ? err.message : String(err));
        },
      );
  };
}

function reply(res, status, body) {
  const headers = { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) };
  if (status === 405) headers.Allow = native.callcontrolAllow();
  res.writeHead(status, headers);
  res.end(body);
}

module.exports = Object.freeze({ COMMANDS, VOICE_TAG_MAX, MAX_BODY, parseRequest, render, parseCommand, handler });
