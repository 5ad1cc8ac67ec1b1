// passage.js: the passage of a source document an entry cites. Entries
// give it as byte offsets into the UTF-8 text (source.start, .end), so
// the text is fetched as bytes and cut there, never by JavaScript string
// index. Used by the source document page (dokument.js) and the review
// queue (review.js).

const docs = new Map(); // name -> Promise<Uint8Array>

// bytes(name, lang): the document's bytes (fetched once per page); a
// refusal's message in lang ('de' or 'en').
export function bytes(name, lang = 'de') {
  if (!docs.has(name)) {
    const headers = { 'Accept-Language': lang === 'en' ? 'en, de;q=0.5' : 'de, en;q=0.5' };
    docs.set(name, fetch(`/api/documents/${encodeURIComponent(name)}`, { headers }).then(async (res) => {
      if (!res.ok) {
        const p = await res.json().catch(() => ({}));
        throw new Error(p.detail || String(res.status));
      }
      return new Uint8Array(await res.arrayBuffer());
    }));
    docs.get(name).catch(() => docs.delete(name)); // a failure is tried again next time
  }
  return docs.get(name);
}

const space = (b) => b === 0x0a || b === 0x20;

// cut(b, start, end, context): the text before the passage, the passage
// and the text after, as strings; with context, at most that many bytes
// on either side, ending at a blank or line break (a UTF-8 character is
// never split there). null when the offsets are not inside b.
export function cut(b, start, end, context = Infinity) {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= b.length)) return null;
  let from = Math.max(0, start - context);
  if (from > 0) {
    while (from < start && !space(b[from - 1])) from++;
  }
  let to = Math.min(b.length, end + context);
  if (to < b.length) {
    while (to > end && !space(b[to])) to--;
  }
  const dec = new TextDecoder('utf-8');
  return {
    before: dec.decode(b.subarray(from, start)),
    passage: dec.decode(b.subarray(start, end)),
    after: dec.decode(b.subarray(end, to)),
    clippedStart: from > 0,
    clippedEnd: to < b.length,
  };
}
