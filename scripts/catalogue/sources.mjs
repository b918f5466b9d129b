// The sources of the generated catalogue: one entry per public page (by URL, or by title when
// a source has no URL), named by a short stable id that provenance entries refer to.
import { createHash } from 'node:crypto';

export class SourceRegistry {
  #byKey = new Map();
  #ids = new Set();

  /** Registers { title, url?, published?, note? } and returns its id. */
  add(src) {
    const key = src.url ?? `title:${src.title}`;
    const known = this.#byKey.get(key);
    if (known) {
      // A research title beats a fact-sheet note used as a title; keep the earliest date known.
      if (src.titled && !known.titled) Object.assign(known, { title: src.title, titled: true });
      if (src.published && !known.published) known.published = String(src.published);
      return known.id;
    }
    const entry = { id: this.#newId(src), title: src.title, url: src.url, published: src.published ? String(src.published) : undefined, titled: !!src.titled };
    this.#byKey.set(key, entry);
    this.#ids.add(entry.id);
    return entry.id;
  }

  /** Sources in id order, as written to routes.yaml. */
  list() {
    return [...this.#byKey.values()]
      .map(({ id, title, url, published }) => clean({ id, title, url, published }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  #newId(src) {
    let host = 'source';
    try {
      host = new URL(src.url).hostname.replace(/^(www|m|en|cht|gs)\./, '').split('.').slice(0, -1).join('-') || host;
    } catch { /* no URL: title-based id */ }
    host = host.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 24) || 'source';
    const hash = createHash('sha256').update(src.url ?? src.title).digest('hex');
    for (let n = 4; ; n++) {
      const id = `${host}-${hash.slice(0, n)}`;
      if (!this.#ids.has(id)) return id;
    }
  }
}

export function clean(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

const RANK = { confirmed: 0, assumed: 1, estimate: 2 };
/** The weaker of two statuses: a fact built from an estimate and a confirmed part is an estimate. */
export function weaker(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}
