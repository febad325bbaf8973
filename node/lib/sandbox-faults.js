'use strict';
// The typed fault of `Sandbox#queueFault` as the sandbox's spec string, and a family as its path
// prefix. The sandbox checks ranges and combinations; what is checked here is what the spec string
// cannot carry (a `;` inside a value) and the names it does not know.
//
//   faultSpec({ status: 429, retryAfterSeconds: 2 })  // 'status=429;retry_after=2'
//   familyPath('xml')                                  // '/special/xmlapi'

/** The path prefix of each family on the sandbox. */
const FAMILY_PATHS = Object.freeze({ v4: '/v4', oauth: '/oauth', xml: '/special/xmlapi', v1: '/v1', nol: '/api' });

const ACTIONS = ['reset_before', 'reset_after', 'malformed', 'truncated'];
const FIELDS = ['status', 'message', 'code', 'retryAfterSeconds', 'latencyMs', 'action', 'echo'];

function noSemicolon(name, value) {
  const text = String(value);
  if (text.includes(';')) throw new TypeError(`${name}: may not contain ';' (it separates the parts of a fault)`);
  return text;
}

/** The spec string of the typed fields. */
function faultSpec(what) {
  const unknown = Object.keys(what).filter((k) => !FIELDS.includes(k) && what[k] !== undefined);
  if (unknown.length) throw new TypeError(`queueFault: unknown option ${unknown[0]} (${[...FIELDS, 'family', 'path', 'method', 'times'].join(', ')})`);
  const { status, message, code, retryAfterSeconds, latencyMs, action, echo } = what;
  const parts = [];
  if (latencyMs !== undefined) {
    if (!Number.isInteger(latencyMs) || latencyMs < 0) throw new TypeError(`latencyMs: must be a whole number of milliseconds, 0 or more, got ${latencyMs}`);
    parts.push(`latency=${latencyMs}`);
  }
  if (status !== undefined) parts.push(`status=${status}`);
  if (retryAfterSeconds !== undefined) parts.push(`retry_after=${retryAfterSeconds}`);
  if (code !== undefined) parts.push(`code=${noSemicolon('code', code)}`);
  if (message !== undefined) parts.push(`message=${noSemicolon('message', message)}`);
  if (action !== undefined) {
    if (!ACTIONS.includes(action)) throw new TypeError(`action: must be ${ACTIONS.join(', ')}; got ${action}`);
    parts.push(action);
  }
  if (echo) parts.push('echo');
  if (!parts.length) throw new TypeError('queueFault: say what goes wrong (status, latencyMs, action, echo, or a spec string)');
  return parts.join(';');
}

/** The path prefix a fault matches: the family's, or `path` as given. */
function familyPath(family, path) {
  if (family === undefined) return path;
  if (path !== undefined) throw new TypeError('family, path: give one of them (a family stands for its path prefix)');
  if (!Object.hasOwn(FAMILY_PATHS, family)) throw new TypeError(`family: must be one of ${Object.keys(FAMILY_PATHS).join(', ')}; got ${family}`);
  return FAMILY_PATHS[family];
}

module.exports = { faultSpec, familyPath, FAMILY_PATHS };
