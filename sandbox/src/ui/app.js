// The sandbox dashboard. Plain DOM, no dependencies, text only through textContent (no
// innerHTML), so nothing a client sent can run here. Live by short polling:
// GET /_sandbox/requests?since=SEQ once a second; the open tab's state is reloaded when a
// request arrived, after a control was used, and every few seconds for the clock.
'use strict';

const POLL_MS = 1000;
const KEEP_ROWS = 500;
const INVENTORY_ROWS = 25;
const ui = { tab: 'overview', seq: 0, rows: [], open: new Set(), dirty: true, ticks: 0 };

// h('td', {class: 'x', title: 't'}, child...) -> an element; strings become text nodes.
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) el.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid !== null && kid !== undefined) el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch (_) { json = text; }
  return { status: res.status, json };
}

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function statusBadge(status) {
  const cls = status === null || status === undefined ? 'sx' : 's' + String(status)[0];
  return h('span', { class: 'badge ' + cls }, status === null || status === undefined ? 'no answer' : status);
}

function stateBadge(v) {
  const cls = { verified: 's2', pending: 's3', draft: 's4', running: 's3', connected: 's2' }[v] || '';
  return h('span', { class: 'badge ' + cls }, v);
}

// A table of objects; columns are the union of their keys (or `cols`).
function table(rows, cols) {
  if (!rows || rows.length === 0) return h('div', { class: 'empty' }, 'none yet');
  cols = cols || [...new Set(rows.flatMap((r) => Object.keys(r || {})))];
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', {}, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, cols.map((c) => {
      const v = r[c];
      if (c === 'state' || c === 'outcome') return h('td', {}, stateBadge(v));
      const text = cellText(v);
      const short = text.length > 160 ? text.slice(0, 157) + '...' : text;
      return h('td', { title: text.length > 160 ? text : null }, short);
    }))))));
}

// Numbers held by reservePhoneNumber (`{e164: {by, expires}}`), with their expiry.
function holds(map) {
  return table(Object.entries(map || {}).map(([number, hold]) => ({
    number, reserved_by: hold.by, expires: new Date(hold.expires * 1000).toISOString(),
  })), ['number', 'reserved_by', 'expires']);
}

function kv(obj) {
  return h('dl', { class: 'kv' }, Object.entries(obj).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, cellText(v))]));
}

// Any state object: arrays of objects as tables, objects as sub-sections, the rest as key/values.
function section(obj, level) {
  const out = [];
  const scalars = {};
  for (const [k, v] of Object.entries(obj || {})) {
    if (Array.isArray(v)) {
      out.push(h(level ? 'h3' : 'h2', {}, `${k} (${v.length})`));
      out.push(v.length && typeof v[0] !== 'object' ? h('pre', {}, v.join(', ')) : table(v));
    } else if (v && typeof v === 'object') {
      out.push(h(level ? 'h3' : 'h2', {}, k));
      out.push(...section(v, (level || 0) + 1));
    } else {
      scalars[k] = v;
    }
  }
  if (Object.keys(scalars).length) out.unshift(kv(scalars));
  return out;
}

async function copyConfig(button) {
  const { json } = await api('GET', '/_sandbox/config');
  const text = JSON.stringify(json);
  try {
    await navigator.clipboard.writeText(text);
  } catch (_) {
    const area = h('textarea', {}, text);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  button.textContent = 'Copied (with its secrets)';
  setTimeout(() => { button.textContent = 'Copy config'; }, 2500);
}

const render = {
  async overview(el) {
    const { json: o } = await api('GET', '/_sandbox/state');
    document.getElementById('clock').textContent = `sandbox clock ${o.clock.now_rfc3339}` +
      (o.clock.offset_s ? ` (${o.clock.offset_s > 0 ? '+' : ''}${o.clock.offset_s} s)` : '');
    const counts = Object.entries(o.counts).map(([name, c]) =>
      h('div', { class: 'card' }, h('h2', {}, name), kv(c)));
    el.replaceChildren(h('div', { class: 'pair' },
      h('div', {},
        h('h2', {}, 'Client config'),
        h('p', { class: 'muted' }, 'Secrets show as ***; the button copies the real config (for PHONECOM_CONFIG).'),
        h('button', { type: 'button', id: 'copy-config', onclick: (e) => copyConfig(e.target) }, 'Copy config'),
        h('pre', { id: 'config' }, JSON.stringify(o.config, null, 1))),
      h('div', {},
        h('h2', {}, 'Sandbox'),
        kv({ seed: o.seed, 'sandbox clock': o.clock.now_rfc3339, 'clock offset (s)': o.clock.offset_s,
          'requests seen': o.requests.last_seq, 'faults queued': o.faults.length,
          'rate limiting': o.rate_limit.enabled ? 'on' : 'off' }),
        h('h2', {}, 'Base URLs'), kv(o.base_urls))),
      h('h2', {}, 'Counts'), h('div', { class: 'cards' }, counts));
  },
  async v4(el) {
    const form = new FormData(document.getElementById('inventory-filter'));
    const q = new URLSearchParams(form).toString();
    const { json: s } = await api('GET', '/_sandbox/state/v4?' + q);
    const inv = s.inventory;
    const rows = inv.rows.slice(0, INVENTORY_ROWS);
    document.getElementById('v4-state').replaceChildren(
      h('h2', {}, `accounts (${s.accounts.length})`),
      table(s.accounts.map((a) => ({ id: a.id, username: a.username, name: a.name, parent: a.parent,
        email: a.contact && a.contact.primary_email, country: a.contact && a.contact.address && a.contact.address.country }))),
      ...section(s.resources, 1),
      h('h3', {}, 'numbers held by the XML API'), holds(s.held_numbers));
    document.getElementById('v4-inventory').replaceChildren(
      h('p', { class: 'muted' }, `${inv.matched} of ${inv.available} available numbers match; the first ${rows.length} are shown.`),
      table(rows, ['phone_number', 'formatted', 'price', 'category', 'city', 'province', 'country']));
  },
  async xml(el) {
    const { json: s } = await api('GET', '/_sandbox/state/xml');
    const recipients = (list) => (list || []).map((r) => Object.values(r).join(' ')).join('; ');
    const accounts = s.accounts.map((a) => h('div', { class: 'card' },
      h('h2', {}, `${a.username} (${a.id})`, a.parent ? ` subaccount of ${a.parent}` : '', a.cancelled ? ' cancelled' : ''),
      kv({ ...(a.profile || {}), 'call log entries': a.call_count }),
      h('h3', {}, `numbers (${a.numbers.length})`), table(a.numbers),
      h('h3', {}, 'extensions and notifications'),
      table(Object.entries(a.extensions || {}).map(([extension, n]) => ({ extension, ...n }))),
      h('h3', {}, `SMS outbox (${a.sms.length}, newest first)`), table([...a.sms].reverse()),
      h('h3', {}, `ChatCalls (${a.chatcalls.length}, newest first)`),
      table([...a.chatcalls].reverse().map((c) => ({ ...c, recipients: recipients(c.recipients) })))));
    el.replaceChildren(
      h('h2', {}, 'reservations'), holds(s.reservations),
      ...accounts,
      kv({ 'clTRID answers kept for repeats': s.stored_cltrids }));
  },
  async callcontrol(el) {
    const { json: s } = await api('GET', '/_sandbox/state/callcontrol');
    const calls = [...s.running, ...s.calls];
    if (!calls.length) {
      el.replaceChildren(h('p', { class: 'empty' }, 'No call yet: place one from Controls (or POST /_sandbox/callcontrol/calls).'));
      return;
    }
    el.replaceChildren(...calls.map((c) => h('div', { class: 'card', 'data-call': c.uniqueID },
      h('h2', {}, stateBadge(c.outcome), ` ${c.uniqueID} `, h('span', { class: 'muted' }, `${c.method} ${c.url}`)),
      kv({ dialedNumber: c.dialedNumber, callerIdNumber: c.callerIdNumber, started_at: c.started_at,
        duration: c.duration, connected_to: c.connected_to }),
      (c.steps || []).map((st) => h('div', { class: 'step' },
        h('div', { class: 'arrow' }, `request ${st.seq}: fields`), h('pre', {}, cellText(st.request && st.request.fields)),
        st.response ? [h('div', { class: 'arrow' }, `answer ${st.response.status}`), h('pre', {}, st.response.body || '(empty)')] : null,
        st.transport_error ? h('pre', { class: 'fault' }, st.transport_error) : null,
        st.result ? h('div', { class: 'arrow' }, `→ ${st.result}`) : null)))));
  },
  async v1(el) {
    const { json: s } = await api('GET', '/_sandbox/state/v1');
    el.replaceChildren(...section(s.services));
  },
  async nol(el) {
    const { json: s } = await api('GET', '/_sandbox/state/nol');
    el.replaceChildren(...section(s));
  },
  async requests() { drawRequests(); },
  async controls() {
    const { json: o } = await api('GET', '/_sandbox/state');
    document.querySelector('#form-rate [name=enabled]').checked = !!o.rate_limit.enabled;
    const queued = document.querySelector('#form-fault .queued');
    queued.replaceChildren(o.faults.length ? table(o.faults) : h('div', { class: 'empty' }, 'no fault queued'));
  },
};

function requestFilter() {
  return new URLSearchParams(new FormData(document.getElementById('request-filter')));
}

function detail(r) {
  const req = { query: r.query, headers: r.headers, body: r.body };
  return h('tr', { class: 'detail' }, h('td', { colspan: 8 }, h('div', { class: 'pair' },
    h('div', {}, h('h3', {}, 'request (masked)'), h('pre', {}, JSON.stringify(req, null, 2))),
    h('div', {}, h('h3', {}, r.fault ? `response (fault ${r.fault})` : 'response (masked)'),
      h('pre', {}, r.response ? JSON.stringify(r.response, null, 2) : 'no response: the connection was closed')))));
}

function drawRequests() {
  const body = document.getElementById('request-rows');
  const rows = [];
  for (const r of [...ui.rows].reverse()) {
    const toggle = () => { ui.open.has(r.seq) ? ui.open.delete(r.seq) : ui.open.add(r.seq); drawRequests(); };
    rows.push(h('tr', { class: 'request', 'data-seq': r.seq, onclick: toggle },
      h('td', {}, r.seq), h('td', {}, (r.time || '').slice(11, 23)), h('td', {}, r.family || '-'),
      h('td', {}, r.method), h('td', {}, r.path), h('td', {}, statusBadge(r.status)), h('td', {}, r.ms),
      h('td', { class: 'fault' }, r.fault || '')));
    if (ui.open.has(r.seq)) rows.push(detail(r));
  }
  body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: 8, class: 'empty' }, 'no request yet'))]));
  document.getElementById('req-count').textContent = ui.rows.length ? `(${ui.rows.length})` : '';
}

async function poll() {
  const live = document.getElementById('live');
  try {
    const q = requestFilter();
    q.set('since', ui.seq);
    q.set('limit', KEEP_ROWS);
    const { status, json } = await api('GET', '/_sandbox/requests?' + q);
    if (status !== 200) throw new Error(String(status));
    const fresh = json.requests.filter((r) => r.seq > ui.seq);
    if (fresh.length || json.last_seq !== ui.seq) ui.dirty = true;
    ui.seq = json.last_seq;
    ui.rows = ui.rows.concat(fresh).slice(-KEEP_ROWS);
    if (fresh.length) drawRequests();
    live.textContent = 'live';
    live.classList.remove('off');
  } catch (_) {
    live.textContent = 'offline';
    live.classList.add('off');
  }
  ui.ticks += 1;
  const periodic = ui.tab === 'callcontrol' || ui.ticks % 5 === 0;
  if (ui.dirty || periodic) await refresh();
}

async function refresh() {
  ui.dirty = false;
  const el = document.getElementById('tab-' + ui.tab);
  try {
    await render[ui.tab](el);
    document.body.dataset.rendered = ui.tab;
  } catch (e) {
    el.replaceChildren(h('pre', { class: 'fault' }, `could not load: ${e}`));
  }
}

function show(tab) {
  if (!render[tab]) tab = 'overview';
  ui.tab = tab;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.tab === tab);
  for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + tab);
  refresh();
}

// A control's form as the admin route's JSON body.
function bodyOf(form) {
  const f = Object.fromEntries(new FormData(form));
  const list = (s) => (s || '').split(',').map((x) => x.trim()).filter(Boolean);
  switch (form.id) {
    case 'form-fault': {
      const path = f.path.trim() || f.family || null;
      return { fault: f.fault.trim(), path, method: f.method || null, times: Number(f.times) || 1 };
    }
    case 'form-rate': return { enabled: form.elements.enabled.checked };
    case 'form-clock': return { advance_s: Number(f.advance_s) };
    case 'form-call': return { url: f.url, method: f.method, digits: list(f.digits), forwardResults: list(f.forwardResults) };
    default: return {};
  }
}

async function submitControl(form, body) {
  const out = document.getElementById('control-result');
  out.textContent = `${form.dataset.post} ...`;
  const { status, json } = await api('POST', form.dataset.post, body);
  out.textContent = `POST ${form.dataset.post} -> ${status}\n${JSON.stringify(json, null, 2)}`;
  out.dataset.status = status;
  if (form.id === 'form-reset') { ui.rows = []; ui.open.clear(); drawRequests(); }
  ui.dirty = true;
  await refresh();
}

function wire() {
  for (const form of document.querySelectorAll('form[data-post]')) {
    form.addEventListener('submit', (e) => { e.preventDefault(); submitControl(form, bodyOf(form)); });
  }
  document.querySelector('[data-clock]').addEventListener('click', () =>
    submitControl(document.getElementById('form-clock'), { offset_s: 0 }));
  document.getElementById('inventory-filter').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  document.getElementById('request-filter').addEventListener('change', () => {
    ui.rows = []; ui.seq = 0; ui.open.clear(); drawRequests(); poll();
  });
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  show(location.hash.slice(1) || 'overview');
  drawRequests();
  const loop = async () => { await poll(); setTimeout(loop, POLL_MS); };
  loop();
}

wire();
