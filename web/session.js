// session.js: who is signed in, and the requests that change data.
// The session cookie is HttpOnly, so the page cannot see it: it asks
// GET /api/session. So that an anonymous visit costs no request (and no
// 401), the page keeps a hint in localStorage that a sign-in happened
// (no secret: just "1"); the server's answer decides. Every write sends
// the CSRF token of the session as X-CSRF-Token (api/openapi.json).

import { getLang } from './i18n.js';

const HINT = 'kl-signed-in';
let current = null; // {user: {name, role, land, ministries}, csrf, expires}

export const user = () => current?.user || null;

function set(s) {
  const before = JSON.stringify(current?.user || null);
  current = s;
  try {
    if (s) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch { /* storage off: the session lasts for this page only */ }
  if (JSON.stringify(current?.user || null) !== before) window.dispatchEvent(new Event('kl-session'));
}

function hinted() {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return false;
  }
}

// The server writes its messages (problem details) in the language the
// request prefers: the page's.
export const acceptLanguage = () => (getLang() === 'en' ? 'en, de;q=0.5' : 'de, en;q=0.5');
const base = () => ({ Accept: 'application/json', 'Accept-Language': acceptLanguage() });

// load(): the session after a reload (null when signed out).
export async function load() {
  if (!hinted()) {
    set(null);
    return null;
  }
  try {
    const res = await fetch('/api/session', { headers: base() });
    set(res.ok ? await res.json() : null);
  } catch {
    // The server is not reachable: keep the hint, show nobody for now.
    current = null;
  }
  return current;
}

// Another tab signed in or out.
window.addEventListener('storage', (ev) => {
  if (ev.key === HINT) load();
});

async function answer(res) {
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (res.status === 401 && current) set(null); // the session ended meanwhile
  // lang: the language of the server's message (Content-Language).
  const lang = res.headers.get('Content-Language') === 'en' ? 'en' : 'de';
  return { status: res.status, ok: res.ok, data, lang, etag: res.headers.get('ETag'), retry: res.headers.get('Retry-After') };
}

// login(name, password): {ok, status, data}; on success the session.
export async function login(name, password) {
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { ...base(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: name, password }),
  });
  const a = await answer(res);
  if (a.ok) set(a.data);
  return a;
}

export async function logout(everywhere = false) {
  const a = await send('POST', '/api/logout', everywhere ? { json: { everywhere: true } } : {});
  if (a.ok || a.status === 401) set(null);
  return a;
}

// get(url): a read with the session's rights (drafts, history, audit),
// with the ETag of the answer.
export async function get(url) {
  return answer(await fetch(url, { headers: base() }));
}

// send(method, url, {json | body + type, etag}): a write with the CSRF
// token; etag goes into If-Match.
export async function send(method, url, { json, body, type, etag } = {}) {
  const headers = base();
  if (current?.csrf) headers['X-CSRF-Token'] = current.csrf;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (type) headers['Content-Type'] = type;
  if (etag) headers['If-Match'] = etag;
  return answer(await fetch(url, { method, headers, body }));
}

// Tell the other views that entries changed (the list must be fetched
// again).
export function changed() {
  window.dispatchEvent(new Event('kl-changed'));
}

// mayEdit(e): whether the signed-in user may change entry e. The server
// decides (auth_may in src/auth/may.c); this only chooses which buttons
// to show, by the same rule.
export function mayEdit(e) {
  const u = user();
  if (!u || !e) return false;
  if (u.role === 'admin') return true;
  if (u.role === 'land-editor') return !!u.land && e.land === u.land;
  if (u.role === 'federal-editor') return !e.land && (e.ministries || []).some((m) => (u.ministries || []).includes(m));
  return false;
}

export const mayWrite = () => ['admin', 'land-editor', 'federal-editor'].includes(user()?.role);
export const isAdmin = () => user()?.role === 'admin';
