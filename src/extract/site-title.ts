/**
 * Title and byline clean-up that needs more than one source: a site name read from the title suffix when the
 * page has no og:site_name, the title candidate that matches the page's own headline, and bylines stripped of
 * their "By" / "بقلم" / "מאת" / "به قلم" prefix and of the site's name.
 */

import { langDirection, scriptOf } from '../direction';

/** Between a title and a site name: | - – — : » « · or ::, with spaces on both sides (never a hyphen in a word). */
const SEPARATOR = /\s+(?:::|[|\-–—:»«·])\s+/;

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

/**
 * Of the title candidates, the one the page's headline repeats; the first candidate otherwise. When no candidate is
 * in the page's own right-to-left script and the headline is (an Urdu page whose <title> and og:title are English),
 * the headline is the title: it is what the page's readers read, and it would otherwise open the body as a stray line.
 */
export function titleMatchingHeadline(
  candidates: (string | null)[],
  headline: string | null,
  pageLang: string | null = null,
): string | null {
  const present = candidates.filter((c): c is string => !!c && !!c.trim());
  const h = headline ? squash(headline) : '';
  if (h.length >= 3) {
    const exact = present.find((c) => squash(c) === h);
    if (exact) return exact;
    // "Karsby Point Lighthouse - Openpedia": the headline is one part of the title.
    for (const c of present) if (c.split(SEPARATOR).some((part) => squash(part) === h)) return headline!.trim();
    const written = scriptOf(headline!);
    const rtlHeadline = written === 'arabic' || written === 'hebrew';
    // A sentence, not a logo ("روزنامہ جنگ" in an h1 is the masthead): at least three words and 15 letters.
    const sentence = h.length >= 15 && headline!.trim().split(/\s+/).length >= 3;
    if (rtlHeadline && sentence && langDirection(pageLang) !== 'ltr' && !present.some((c) => scriptOf(c) === written))
      return headline!.replace(/\s+/g, ' ').trim();
  }
  return present[0] ?? null;
}

/**
 * True when `part` (of a title or a byline) names the site: its name ("Alsumaria Tv"), a longer form of it
 * ("Khabaronline News Agency", "سایت خبرگزاری خبرآنلاین" for "خبرآنلاین"), or the host's name in Latin letters
 * ("Alsumaria Tv" on alsumaria.tv, whatever script og:site_name is in).
 */
export function namesSite(part: string, siteName: string | null, url?: string | null): boolean {
  const p = squash(part);
  if (p.length < 3) return false;
  // A longer form adds a few letters at most ("tv", "newsagency", "سایتخبرگزاری"): a headline that merely starts
  // with the site's name ("Apple unveils …" on apple.com) adds far more.
  const longerForm = (name: string) => (p.startsWith(name) || p.includes(name)) && p.length - name.length <= 14;
  const site = siteName ? squash(siteName) : '';
  if (site.length >= 3 && (p === site || site.startsWith(p) || (p.startsWith(site) && longerForm(site)))) return true;
  // Inside a longer organisation name; short names (3–4 letters) only as a prefix, they hide in ordinary words.
  if (site.length >= 5 && longerForm(site)) return true;
  const host = hostLabel(url);
  return !!host && host.length >= 4 && (p === host || (p.startsWith(host) && longerForm(host)));
}

/** Words that make a name an organisation's, in the languages Qari reads first. */
const ORGANISATION =
  /(?:^|[\s.])(?:news|agency|press|media|network|tv|radio|online|daily|times|channel|newspaper|magazine|staff|desk|editors?|خبرگزاری|سایت|روزنامه|شبکه|وكالة|وکالة|صحيفة|موقع|قناة|شبكة|روزنامہ|ویب سائٹ|نیوز|חדשות|אתר|מערכת)(?=$|[\s.])/iu;

/**
 * A byline that names only the site: every part names it, or one does and the others are organisation names
 * ("Khabaronline News Agency - سایت خبرگزاری خبرآنلاین" for خبرآنلاین: the Latin half is the same agency).
 */
export function isSiteByline(byline: string, siteName: string | null, url?: string | null): boolean {
  const parts = byline.split(/\s+(?:::|[|\-–—:»«·])\s+|\s*[،,]\s*/).filter((p) => p.trim());
  if (parts.length === 0) return false;
  const naming = parts.filter((part) => namesSite(part, siteName, url));
  return naming.length > 0 && parts.every((part) => naming.includes(part) || ORGANISATION.test(part));
}

/**
 * "Alsumaria Tv - بوتين واردوغان …", "Ferry cut | Harbour Herald", "خبرآنلاین » عنوان": the site's name on either
 * side of the title goes, whatever the separator and whichever script the name is in. The title itself is never
 * emptied, and a separator inside the headline ("Brexit: what happens next") stays.
 */
export function stripSiteName(title: string, siteName: string | null, url?: string | null): string {
  let parts = title.trim().split(SEPARATOR);
  if (parts.length < 2) return title.trim();
  const separators = title.trim().match(new RegExp(SEPARATOR.source, 'g')) ?? [];
  let start = 0;
  let end = parts.length;
  if (namesSite(parts[end - 1]!, siteName, url)) end--;
  if (end - start >= 2 && namesSite(parts[0]!, siteName, url)) start++;
  if (start === 0 && end === parts.length) return title.trim();
  // Rejoin the remaining parts with their own separators.
  parts = parts.slice(start, end);
  return parts.reduce((out, part, i) => (i === 0 ? part : out + separators[start + i - 1] + part), '').trim();
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
