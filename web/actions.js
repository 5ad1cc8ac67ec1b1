// actions.js: the one-click changes of an entry the editor pages offer
// (publish, unpublish, delete, restore). Each acts on the version the
// page showed: it fetches the entry with its ETag and goes on only if
// that is still the version shown, then sends the change with If-Match.
// So a change made by someone else in between is never overwritten: the
// answer is {stale: true} and the page shows the current state.
import * as session from './session.js';

const enc = encodeURIComponent;
const url = (id, rest = '', reason = '') => `/api/entries/${enc(id)}${rest}${reason ? `?reason=${enc(reason)}` : ''}`;

// result(a): {ok, status, stale, detail, lang (of detail), entry}
function result(a) {
  if (a.ok) session.changed();
  return { ok: a.ok, status: a.status, stale: a.status === 412, detail: a.data?.detail || '', lang: a.lang || 'de', entry: a.data };
}

async function fresh(e) {
  const a = await session.get(url(e.id));
  if (!a.ok) return { res: result(a) };
  if (a.data.version !== e.version) return { res: { ok: false, status: 412, stale: true, entry: a.data, detail: '' } };
  return { cur: a.data, etag: a.etag };
}

// setStatus(e, status, reason): publish ('published') or unpublish ('draft').
export async function setStatus(e, status, reason) {
  const f = await fresh(e);
  if (f.res) return f.res;
  const body = { ...f.cur, status };
  delete body.version;
  delete body.updated_at;
  return result(await session.send('PUT', url(e.id, '', reason), { json: body, etag: f.etag }));
}

// remove(e, reason): delete (the history keeps every version).
export async function remove(e, reason) {
  const f = await fresh(e);
  if (f.res) return f.res;
  return result(await session.send('DELETE', url(e.id, '', reason), { etag: f.etag }));
}

// restore(id, version): make version current again (0: the last one
// before the deletion).
export async function restore(id, version = 0) {
  return result(await session.send('POST', `${url(id, '/restore')}${version ? `?version=${version}` : ''}`));
}
