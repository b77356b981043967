import { cleanByline, siteNameFromTitle, stripSiteName, titleMatchingHeadline } from './site-title';

/**
 * Page metadata that Readability either misses or gets from fewer sources: published time from JSON-LD,
 * Open Graph / article meta tags and `<time>`, the title without its site suffix, language hints.
 */
import { forgetMetaIndex, metaNamed } from './meta-index';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  leadImage: string | null;
  excerpt: string | null;
  /** og:locale, Content-Language, JSON-LD inLanguage: hints for the direction and language detector. */
  langHints: string[];
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(Article|NewsArticle|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|ScholarlyArticle|TechArticle|Report|LiveBlogPosting|WebPage)$/;

function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Json;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common (trailing commas, HTML comments); the other sources still count.
    }
  }
  return out;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') return str((value as Json)['name'] ?? (value as Json)['url']);
  return null;
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).map(str).filter((v): v is string => !!v);
  return list.length ? [...new Set(list)].join(', ') : null;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = metaNamed(doc, key);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Accepts only values that parse as dates; normalises to ISO 8601 keeping the page's own offset when given. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  // Already ISO-like (2020-03-05, 2020-03-05T12:24, with or without zone): keep the author's wall time.
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso) return iso[2] ? `${iso[1]}T${iso[2]}${iso[3] ?? ''}` : iso[1]!;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * Strips " | Site", " - Site", " — Site", " :: Site", " » Site" suffixes and prefixes when that part names the site
 * (its name, or the page's host when the URL is given): see stripSiteName.
 */
export function cleanTitle(title: string, siteName: string | null, url?: string | null): string {
  return stripSiteName(title, siteName, url);
}

export function readMetadata(doc: Document): PageMetadata {
  forgetMetaIndex(doc); // read the page's <meta> afresh: it may have changed since a previous call
  const ld = jsonLdObjects(doc);
  const ldArticle =
    ld.find(
      (o) =>
        ARTICLE_TYPES.test(String(Array.isArray(o['@type']) ? o['@type'][0] : o['@type'])) && o['@type'] !== 'WebPage',
    ) ?? ld.find((o) => o['@type'] === 'WebPage');

  // Not twitter:site: it is a handle ("@HarbourHerald"), not a name.
  const siteName =
    meta(doc, 'og:site_name') ??
    // No og:site_name: a title suffix that spells the host's name ("… | Tidewater" on tidewater.dev).
    siteNameFromTitle(doc.title, doc.URL) ??
    str((ldArticle?.['publisher'] as Json | undefined)?.['name']) ??
    meta(doc, 'application-name') ??
    null;
  // The candidate the page's headline repeats: MediaWiki's JSON-LD "headline" is the short description, not the title.
  const rawTitle = titleMatchingHeadline(
    [str(ldArticle?.['headline']), meta(doc, 'og:title'), meta(doc, 'twitter:title'), doc.title?.trim() ?? null],
    doc.querySelector('h1')?.textContent ?? null,
    doc.documentElement.getAttribute('lang'),
  );
  // In order of trust: the first selector that matches wins, not the first <time> in the page (often a clock).
  // Each selector is a walk of the whole page: none when the page has no <time>, and none past the first that answers.
  let timeEl: Element | null | undefined;
  if (doc.querySelector('time'))
    for (const selector of [
      'time[itemprop="datePublished"]',
      'time[datetime][pubdate]',
      'article time[datetime]',
      'time[datetime]',
    ]) {
      const el = doc.querySelector(selector);
      if (el?.getAttribute('datetime')) {
        timeEl = el;
        break;
      }
    }
  const publishedTime =
    normalizeDate(str(ldArticle?.['datePublished'])) ??
    normalizeDate(
      meta(
        doc,
        'article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'sailthru.date',
        'parsely-pub-date',
      ),
    ) ??
    normalizeDate(timeEl?.getAttribute('datetime')) ??
    null;
  const title = rawTitle ? cleanTitle(rawTitle, siteName, doc.URL) : null;
  const byline =
    names(ldArticle?.['author']) ??
    meta(doc, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author') ??
    null;
  const image = ldArticle?.['image'];
  const leadImage =
    meta(doc, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
    (typeof image === 'string' ? image : str((Array.isArray(image) ? image[0] : image) as Json | undefined)) ??
    null;
  const langHints = [
    meta(doc, 'og:locale'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? null,
    str(ldArticle?.['inLanguage']),
  ].filter((v): v is string => !!v);

  return {
    title,
    byline: byline && !/^https?:\/\//.test(byline) ? cleanByline(byline, siteName) : null,
    siteName,
    publishedTime: publishedTime ?? printedDate(doc, title),
    leadImage,
    excerpt: meta(doc, 'description', 'og:description', 'twitter:description') ?? str(ldArticle?.['description']),
    langHints,
  };
}

/** "2020-03-05 | 12:24", "2020/03/05 12:24", "2020.03.05": a line that is only an unambiguous (year-first) date. */
const DATE_LINE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*[|,·T-]?\s*(\d{1,2}):(\d{2}))?$/;
/** How many lines after the headline a date line may stand: the dateline sits right under it, a clock does not. */
const DATE_LINES_AFTER_TITLE = 4;

/**
 * A date printed under the headline on a page with no date metadata (older templates: no <time>, no meta tags). Only
 * a line right after the headline's text counts: a date in the page's top bar is usually today's, not the story's.
 */
function printedDate(doc: Document, title: string | null): string | null {
  const h1 = doc.querySelector('h1');
  const headline = squeeze(h1?.textContent ?? title ?? '');
  if (!headline || !doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 4 /* text */);
  let after = -1;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    // Before the headline only a node as long as it can equal it (squeezing never lengthens): most of a page's text
    // nodes are shorter, and this walk may cover the whole page when it has no headline text to find.
    if (after < 0 && (n.nodeValue ?? '').length < headline.length) continue;
    const line = squeeze(n.nodeValue ?? '');
    if (!line) continue;
    if (after < 0) {
      if (line === headline) after = 0;
      continue;
    }
    if (++after > DATE_LINES_AFTER_TITLE) return null;
    const m = DATE_LINE.exec(line);
    if (!m) continue;
    const [, y, mo, d, h, mi] = m;
    const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    if (Number.isNaN(Date.parse(date))) return null;
    return h ? `${date}T${h.padStart(2, '0')}:${mi}` : date;
  }
  return null;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
