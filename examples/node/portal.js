#!/usr/bin/env node
'use strict';
/**
 * A partner portal's back end, in Node: the endpoints the Phone.com Express Sign-Up front-end
 * library's callbacks call, the portal's number operations, and the call-control URL.
 *
 *   createSubaccountCallback -> POST /api/express/subaccount   {contact}
 *   getAccessCallback        -> POST /api/express/token
 *   numbersSearchCallback    -> GET  /api/numbers/search?filters[npa]=eq:858&sort[price]=asc&limit=24
 *   reserveNumberCallback    -> POST /api/numbers/reserve      {phone_number, ...}   (a hold, not a purchase)
 *   end of sign-up: purchase -> POST /api/numbers/purchase     {phone_number, name?}
 *   the user's numbers       -> GET  /api/numbers
 *   call control             -> GET  /callcontrol?uniqueID=...&dialedNumber=...   (text/plain)
 *
 * Which portal user is calling comes from the portal's own authentication; this example takes it
 * from the `X-Portal-User` header and keeps users in memory (a real portal keeps the generated
 * passwords encrypted, or uses the partner-token mode and keeps none).
 *
 * A reservation is a hold, not a sale: the XML API's reservePhoneNumber takes the number out of
 * every search until about midnight Pacific time, held by the partner's XML account for the
 * portal user who picked it (one pick per user; the XML API allows an account 10 holds at once).
 * The purchase at the end of sign-up buys it onto the user's subaccount (v4) and releases the hold.
 *
 * First install its dependencies, once, in this folder (`phonecom` from ../../node, or the npm
 * package from dist/):
 *   cd examples/node && npm install
 * Then run it against the sandbox (which prints its config line, then keeps serving):
 *   phonecom-sandbox > /tmp/sandbox.json &
 *   PHONECOM_CONFIG=/tmp/sandbox.json node portal.js     (a config file, or its JSON text; or PHONECOM_* variables)
 * It prints one line, {"listening":"http://127.0.0.1:PORT"}; PORT=0 (default) picks a free port.
 */

const http = require('node:http');
const { Client, PhoneComError, express, numbers, callcontrol } = require('phonecom');

/** The portal's HTTP server for `client` (the partner's Phone.com client). */
function createPortal({ client, partner, forwardTo = '+18585602222', receptionTo = '+18585602223' }) {
  const users = new Map(); // portal user id -> {username, password, accountId, numbers: [], held}
  const holds = new Map(); // phone number -> {userId, expires (epoch seconds)}: the partner's holds, per user
  const calls = []; // completed calls: {uniqueID, duration}

  const routes = {
    // The front-end library's createSubaccountCallback: one subaccount per portal user, ever.
    'POST /api/express/subaccount': async (req, body) => {
      const userId = portalUser(req);
      const known = users.get(userId);
      if (known) return [200, { id: known.accountId, username: known.username }];
      const contact = express.validateContact(body.contact);
      // The composed flow never creates two subaccounts for one user, even when an answer is lost.
      const done = await client.express.signup({ partner, user_id: userId, contact });
      users.set(userId, { id: userId, username: done.username, password: done.password, accountId: done.account.id, numbers: [], held: null });
      return [201, { id: done.account.id, username: done.username }];
    },

    // The front-end library's getAccessCallback: a fresh token for this user, as Phone.com sends it.
    'POST /api/express/token': async (req) => {
      const user = signedUp(req);
      return [200, await client.oauth.userToken({ username: user.username, password: user.password })];
    },

    // The front-end library's numbersSearchCallback: its URLSearchParams, in v4 list syntax.
    'GET /api/numbers/search': async (req, _body, query) => {
      return [200, await client.v4.listAvailablePhoneNumbers(listParams(query))];
    },

    // The front-end library's reserveNumberCallback: the number is held for the user (nothing is
    // bought yet). Picking another number releases the previous hold.
    'POST /api/numbers/reserve': async (req, body) => {
      const user = signedUp(req);
      numbers.checkE164(body.phone_number);
      const number = body.phone_number;
      const mine = heldFor(number) === user.id;
      if (!mine && heldFor(number)) throw httpError(409, `${number} is reserved for another user`);
      if (!mine) holds.set(number, { userId: user.id, expires: Infinity }); // claimed while we ask
      let held;
      try {
        held = await client.xml.reservePhoneNumber({ phoneNumber: number });
      } catch (err) {
        if (!mine) holds.delete(number);
        throw err;
      }
      const expires = Number(held.data.reservation.expires.value);
      const previous = user.held;
      holds.set(number, { userId: user.id, expires });
      user.held = number;
      if (previous && previous !== number) await release(previous);
      return [201, { phone_number: number, reserved_until: held.data.reservation.expires.gmt }];
    },

    // The end of sign-up: buy the number the user reserved onto their subaccount. The purchase
    // normally ends the hold (the sandbox does); releasing it afterwards is a harmless safeguard.
    'POST /api/numbers/purchase': async (req, body) => {
      const user = signedUp(req);
      numbers.checkE164(body.phone_number);
      if (heldFor(body.phone_number) !== user.id) {
        throw httpError(409, `reserve ${body.phone_number} first (POST /api/numbers/reserve)`);
      }
      const bought = await client.v4.createAccountPhoneNumber({
        account_id: user.accountId,
        phone_number: body.phone_number,
        name: body.name || `Portal line ${user.numbers.length + 1}`,
      });
      user.numbers.push(bought.phone_number);
      user.held = null;
      await release(bought.phone_number, { endedByPurchase: true });
      return [201, { id: bought.id, phone_number: bought.phone_number }];
    },

    // Completed calls the call-control URL has seen.
    'GET /api/calls': async () => [200, { items: calls }],

    // The user's numbers, every page.
    'GET /api/numbers': async (req) => {
      const user = signedUp(req);
      const rows = [];
      for await (const n of client.v4.listAccountPhoneNumbers.iterate({ account_id: user.accountId, limit: 100 })) {
        rows.push({ id: n.id, phone_number: n.phone_number, name: n.name });
      }
      return [200, { total: rows.length, items: rows, reserved: heldFor(user.held) === user.id ? user.held : null }];
    },
  };

  // Phone.com's call-control requests: a menu, then the office on 1 and reception otherwise.
  // Commands are checked by the library's rules before they are sent.
  const callControl = callcontrol.handler({
    newCall: () => ({ command: 'play-and-get-digits', recording: 'Main Menu', patterns: ['D'] }),
    digits: (_call, digits) =>
      digits === '1'
        ? { command: 'simple-forward-voicetag', text: 'Portal call', number: forwardTo }
        : { command: 'simple-forward', number: receptionTo },
    completed: (call, duration) => calls.push({ uniqueID: call.uniqueID, duration }),
  });

  /** The portal user a number is held for, while the hold lasts. */
  function heldFor(number) {
    const hold = holds.get(number);
    return hold && hold.expires * 1000 > Date.now() ? hold.userId : undefined;
  }

  /**
   * Give a hold back. It lapses by itself at midnight Pacific, so a failed release only delays
   * that. After a purchase the hold is normally gone already: that refusal is expected, not logged.
   */
  async function release(number, { endedByPurchase = false } = {}) {
    holds.delete(number);
    try {
      await client.xml.unreservePhoneNumber({ phoneNumber: number });
    } catch (err) {
      if (!endedByPurchase) console.error(`releasing ${number}: ${err.message}`);
    }
  }

  function portalUser(req) {
    const id = req.headers['x-portal-user'];
    if (!id) throw httpError(401, 'sign in to the portal first (X-Portal-User)');
    return String(id);
  }

  function signedUp(req) {
    const user = users.get(portalUser(req));
    if (!user) throw httpError(409, 'sign up first (POST /api/express/subaccount)');
    return user;
  }

  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://portal.invalid');
    if (url.pathname === '/callcontrol') return callControl(req, res);
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) return send(res, 404, { error: 'not_found' });
    readJson(req)
      .then((body) => route(req, body, url.searchParams))
      .then(([status, data]) => send(res, status, data), (err) => sendError(res, err));
  });
}

/** The numbers search query (`filters[npa]=eq:858`, `sort[price]=asc`, `limit`, `offset`) as call parameters. */
function listParams(query) {
  const params = {};
  for (const [key, value] of query) {
    const m = /^(filters|sort)\[([^\]]+)\](\[\])?$/.exec(key);
    if (m) {
      const group = (params[m[1]] ||= {});
      if (m[1] === 'filters' && group[m[2]] !== undefined) group[m[2]] = [].concat(group[m[2]], value);
      else group[m[2]] = value;
    } else if (key === 'limit' || key === 'offset') {
      params[key] = Number(value);
    } else if (key === 'fields') {
      params.fields = value;
    }
  }
  return params;
}

function httpError(status, message) {
  return Object.assign(new Error(message), { httpStatus: status });
}

/** Library errors to HTTP: the portal's user sees the field and the rule, never a secret. */
function sendError(res, err) {
  if (err instanceof PhoneComError) {
    const status =
      { validation: 422, not_found: 404, rate_limited: 429, conflict: 409 }[err.kind] || (err.kind === 'permission' ? 403 : 502);
    if (err.retryAfter) res.setHeader('Retry-After', String(Math.ceil(err.retryAfter)));
    return send(res, status, { error: err.code, message: err.message, fields: err.fields, requestId: err.requestId });
  }
  if (err && err.httpStatus) return send(res, err.httpStatus, { error: 'portal', message: err.message });
  console.error(err);
  return send(res, 500, { error: 'internal' });
}

function send(res, status, data) {
  const body = JSON.stringify(data);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** The largest JSON body the portal reads (a contact or a number is well under 1 KiB). */
const MAX_JSON_BODY = 64 * 1024;

/** The request's JSON body; a body over MAX_JSON_BODY is answered 413 and never kept in memory. */
function readJson(req) {
  return new Promise((resolve, reject) => {
    const refuse = () => {
      req.removeAllListeners('data');
      req.resume(); // drain the rest without keeping it
      reject(httpError(413, `the body must be at most ${MAX_JSON_BODY} bytes`));
    };
    if (Number(req.headers['content-length'] || 0) > MAX_JSON_BODY) return refuse();
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_JSON_BODY) refuse();
      else chunks.push(c);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(httpError(400, 'the body is not JSON'));
      }
    });
  });
}

module.exports = { createPortal, listParams, MAX_JSON_BODY };

/** As in the other languages' examples: PHONECOM_CONFIG names a config file (its JSON text works
 * too); without it, the PHONECOM_* variables. */
function clientFromEnvironment() {
  const config = process.env.PHONECOM_CONFIG;
  if (!config) return Client.fromEnv();
  return new Client(config.trimStart().startsWith('{') ? config : require('node:fs').readFileSync(config, 'utf8'));
}

if (require.main === module) {
  const client = clientFromEnvironment();
  const server = createPortal({ client, partner: process.env.PORTAL_PARTNER || 'acme' });
  server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
    console.log(JSON.stringify({ listening: `http://127.0.0.1:${server.address().port}` }));
  });
  // Under a harness: stop when stdin closes, so no process outlives its test.
  if (process.env.PORTAL_EXIT_ON_EOF === '1') {
    process.stdin.resume();
    process.stdin.on('end', () => server.close(() => process.exit(0)));
  }
}
