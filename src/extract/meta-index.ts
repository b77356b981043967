/**
 * The page's <meta> tags by name, read in one pass. Looking each key up with
 * `meta[property="key" i], meta[name="key" i], meta[itemprop="key" i]` walks the whole document once per key
 * (about 30 keys; case-insensitive attribute selectors get no index in any engine), which on a 200,000-element
 * page is most of the extraction time in jsdom. Same answer: per key, the first <meta> in document order whose
 * property, name or itemprop equals it, ASCII case-insensitively (what the `i` flag means).
 */

const indexes = new WeakMap<Document, Map<string, Element>>();

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}

function metaIndex(doc: Document): Map<string, Element> {
  let index = indexes.get(doc);
  if (index) return index;
  index = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      const key = asciiLower(value);
      if (!index.has(key)) index.set(key, el);
    }
  }
  indexes.set(doc, index);
  return index;
}

/** The first <meta> of `doc` whose property, name or itemprop is `key` (any ASCII case). */
export function metaNamed(doc: Document, key: string): Element | undefined {
  return metaIndex(doc).get(asciiLower(key));
}

/** Drops the index of `doc`, so the next lookup reads its <meta> tags again. */
export function forgetMetaIndex(doc: Document): void {
  indexes.delete(doc);
}
