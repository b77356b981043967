/**
 * Title and byline clean-up that needs more than one source: a site name read from the title suffix when the
 * page has no og:site_name, the title candidate that matches the page's own headline, and bylines stripped of
 * their "By" / "بقلم" / "מאת" / "به قلم" prefix and of the site's name.
 */

const SEPARATOR = /\s+[|\-–—:»«·]\s+/;

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The host's own name: "docs.tidewater.dev" → "tidewater", "en.openpedia.org" → "openpedia". */
function hostLabel(url: string | null | undefined): string | null {
  try {
    const labels = new URL(url ?? '').hostname.replace(/^www\./, '').split('.');
    // The label before the public suffix; two-part suffixes ("co.uk", "com.br") are short.
    const i = labels.length >= 3 && labels[labels.length - 2]!.length <= 3 ? labels.length - 3 : labels.length - 2;
    return labels[Math.max(0, i)] ?? null;
  } catch {
    return null;
  }
}

/**
 * "Caching build outputs | Tidewater" on tidewater.dev: the last (or first) part of the title names the site when
 * it is short and spells the host's name. Null when nothing matches.
 */
export function siteNameFromTitle(title: string | null, url: string | null | undefined): string | null {
  const host = hostLabel(url);
  if (!title || !host || host.length < 3) return null;
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return null;
  for (const part of [parts[parts.length - 1]!, parts[0]!]) {
    const name = squash(part);
    if (part.length <= 40 && name.length >= 3 && (name === host || name.startsWith(host) || host.startsWith(name)))
      return part.trim();
  }
  return null;
}

/** Of the title candidates, the one the page's headline repeats; the first candidate otherwise. */
export function titleMatchingHeadline(candidates: (string | null)[], headline: string | null): string | null {
  const present = candidates.filter((c): c is string => !!c && !!c.trim());
  const h = headline ? squash(headline) : '';
  if (h.length >= 3) {
    const exact = present.find((c) => squash(c) === h);
    if (exact) return exact;
    // "Karsby Point Lighthouse - Openpedia": the headline is one part of the title.
    for (const c of present) if (c.split(SEPARATOR).some((part) => squash(part) === h)) return headline!.trim();
  }
  return present[0] ?? null;
}

const BYLINE_PREFIX = /^\s*(?:by|written by|words by|posted by|بقلم|كتب|كتبت|به قلم|نوشته|نویسنده|מאת)\s*[:：،,]?\s+/iu;

/** "By Ellen Marsh" → "Ellen Marsh"; "العربية.نت - سارة الغامدي" → "سارة الغامدي". */
export function cleanByline(byline: string | null, siteName: string | null): string | null {
  if (!byline) return null;
  let value = byline.replace(/\s+/g, ' ').trim().replace(BYLINE_PREFIX, '').trim();
  const site = siteName ? squash(siteName) : '';
  if (site.length >= 3) {
    const isSite = (part: string) => {
      const p = squash(part);
      return p.length > 0 && (p === site || p.startsWith(site) || site.startsWith(p));
    };
    const parts = value.split(SEPARATOR);
    // "Site - Person": keep the person. A byline that is only the organisation ("Eastbrook Voice editors") stays.
    const people = parts.filter((p) => !isSite(p));
    if (people.length > 0) value = people.join(' - ');
  }
  return value || null;
}

/** The metadata byline, unless it only names the site (an organisation as author) and the page prints a person's. */
export function bylineOrPrinted(byline: string | null, siteName: string | null, printed: string | null): string | null {
  if (!printed) return byline;
  if (!byline || (siteName && squash(byline) === squash(siteName))) return cleanByline(printed, siteName);
  return byline;
}
