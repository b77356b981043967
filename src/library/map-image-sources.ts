import { parseSrcset, serializeSrcset } from '../extract/srcset';

/*
 * Why a tag scanner and not DOMParser: images are saved by the background service worker, which has no
 * DOMParser (nor document), and a round trip through a DOM would also re-serialize the whole article.
 * Article HTML is serializer output (Readability's innerHTML), where text never holds a raw "<" and
 * attribute values are quoted, so scanning tags is reliable: the scanner steps over comments and over
 * every tag's quoted attribute values (an "<img" inside a title="" is not a tag), touches only the src and
 * srcset attributes of <img> and <source>, and leaves every other byte as it was.
 */
const TAG_OR_COMMENT = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** One attribute with the whitespace before it, so that a dropped attribute leaves no gap behind. */
const ATTRIBUTE = /(\s*)([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec, hex, name) => {
    if (dec || hex) {
      const code = parseInt(dec ?? hex, dec ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name as string] ?? whole;
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Rewrites every image URL in `html`: the src and srcset of <img> and <source>. `map` gets the decoded URL
 * and returns its replacement, or null: a null src stays as it was; a null srcset candidate is dropped (a
 * srcset candidate would win over a local src, so one left pointing elsewhere defeats the rewrite), and a
 * srcset with no candidate left is removed.
 */
export function mapImageSources(
  html: string,
  map: (url: string, attribute: 'src' | 'srcset') => string | null,
): string {
  return html.replace(TAG_OR_COMMENT, (tag, name: string | undefined, attributes: string | undefined) => {
    if (!name || !attributes || !/^(?:img|source)$/i.test(name)) return tag;
    const rewritten = attributes.replace(
      ATTRIBUTE,
      (whole, space: string, attr: string, dq?: string, sq?: string, uq?: string) => {
        const lower = attr.toLowerCase();
        const raw = dq ?? sq ?? uq;
        if ((lower !== 'src' && lower !== 'srcset') || raw === undefined) return whole;
        const value = decodeAttribute(raw);
        if (lower === 'src') {
          const next = value.trim() ? map(value.trim(), 'src') : null;
          return next === null || next === value.trim() ? whole : `${space}${attr}="${encodeAttribute(next)}"`;
        }
        const candidates = parseSrcset(value);
        const kept = candidates.flatMap((c) => {
          const next = map(c.url, 'srcset');
          return next === null ? [] : [{ url: next, descriptor: c.descriptor }];
        });
        if (kept.length === 0) return '';
        const unchanged = kept.length === candidates.length && kept.every((c, i) => c.url === candidates[i]!.url);
        return unchanged ? whole : `${space}${attr}="${encodeAttribute(serializeSrcset(kept))}"`;
      },
    );
    return `<${name}${rewritten}>`;
  });
}

/** The image URLs an article shows, decoded, each once, in document order: what to fetch when saving. */
export function listImageSources(html: string): string[] {
  const urls = new Set<string>();
  mapImageSources(html, (url, attribute) => {
    if (attribute === 'src' && /^(?:https?:)?\/\//i.test(url)) urls.add(url);
    return null;
  });
  return [...urls];
}
