import { TIMESTAMP } from './clutter-vocabulary';
import { linkTextLength, squeezedLength } from './squeezed-length';
import { squeezedText } from './squeezed-text';

/**
 * Repeated teaser cards: "episode" and "video" lists, "most viewed" rails, related-story grids. They are
 * groups of three or more siblings of the same shape, each short, each a link to another page, usually with
 * a thumbnail or a timestamp. Article lists differ: their items are not mostly links to the site's own pages.
 */

const MIN_ITEMS = 3;
const MAX_ITEM_TEXT = 250;

function signature(el: Element): string {
  // One class or none (most cards): the sorted class list is the attribute itself, no list to build.
  const cls = el.getAttribute('class');
  if (cls === null || cls === '') return `${el.tagName}.`;
  if (!/[\t\n\f\r ]/.test(cls)) return `${el.tagName}.${cls}`;
  return `${el.tagName}.${Array.from(el.classList).sort().join('.')}`;
}

/** A page's own hosts: where it was loaded from and what it calls itself (canonical / og:url), so a saved copy still knows its site. */
export function siteHosts(doc: Document, pageUrl: string): string[] {
  const hosts: string[] = [];
  const candidates = [
    pageUrl,
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    try {
      if (candidate) hosts.push(new URL(candidate, pageUrl).host.replace(/^www\./, ''));
    } catch {
      /* not a URL */
    }
  }
  return [...new Set(hosts)];
}

/**
 * Answers of isSameSiteHref by href, per hosts list. The lists are the extraction's own (siteHosts, one per run), so
 * the answers go with the run; the same cards and menus are asked about by every teaser check of the page (before
 * Readability, on its result, and the teaser-page verdict), each a URL parse.
 */
const sameSiteAnswers = new WeakMap<readonly string[], Map<string, boolean>>();

function isSameSiteHref(href: string, hosts: string[]): boolean {
  let answers = sameSiteAnswers.get(hosts);
  if (!answers) sameSiteAnswers.set(hosts, (answers = new Map()));
  let answer = answers.get(href);
  if (answer === undefined) {
    try {
      const url = new URL(href, 'https://relative.invalid/');
      const host = url.host.replace(/^www\./, '');
      answer =
        url.host === 'relative.invalid' ||
        hosts.length === 0 ||
        hosts.some((h) => host === h || host.endsWith(`.${h}`));
    } catch {
      answer = false;
    }
    answers.set(href, answer);
  }
  return answer;
}

/**
 * Some link of `el` goes to another page of the site. A link to a place in this page (`#user-content-twitter`, or
 * the page's own address and a fragment) is a table of contents, the article's own outline, not a teaser (WCXB dev
 * 0215 lost its table of 75 course providers).
 */
function sameSiteLink(el: Element, hosts: string[], page: string): boolean {
  const anchors = Array.from(el.querySelectorAll('a[href]'));
  if (el.tagName === 'A' && el.hasAttribute('href')) anchors.push(el);
  return anchors.some((a) => {
    const href = a.getAttribute('href')!;
    return !href.startsWith('#') && !isPlaceIn(page, href) && isSameSiteHref(href, hosts);
  });
}

/** `href` is the address `page` (no fragment) and a fragment: a place in this page. */
function isPlaceIn(page: string, href: string): boolean {
  const hash = href.indexOf('#');
  return hash > 0 && href.slice(0, hash) === page;
}

/** Phrasing elements: in running text they are words of a sentence, never the cards of a list. */
const INLINE = /^(A|ABBR|B|BDI|BDO|BR|CITE|CODE|DFN|EM|I|KBD|MARK|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR|WBR)$/;
/** What makes an inline element a card after all: `<a class="card"><img><h3>…</h3></a>`. */
const CARD_CONTENT = 'img, picture, svg, video, div, p, h1, h2, h3, h4, h5, h6, ul, ol, figure, article, section';

/**
 * A list item is a block: li, article, a div card, or a link that wraps a card's block content. An inline link
 * or a bold word is part of a sentence, and a paragraph with four same-site links is prose, not a rail.
 */
function isBlockItem(el: Element): boolean {
  return !INLINE.test(el.tagName) || !!el.querySelector(CARD_CONTENT);
}

/** Text that sits directly in `el`, between its children: the running text of a paragraph, empty in a list. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) n += node.nodeValue!.trim().length;
  return n;
}

/** Some tag name is shared by at least MIN_ITEMS of `children` and by 60 % of them (what the items need). */
function hasCommonTag(children: Element[]): boolean {
  const counts = new Map<string, number>();
  let most = 0;
  for (const child of children) {
    const n = (counts.get(child.tagName) ?? 0) + 1;
    counts.set(child.tagName, n);
    if (n > most) most = n;
  }
  return most >= MIN_ITEMS && most >= children.length * 0.6;
}

export function isTeaserList(el: Element, hosts: string[]): boolean {
  const children: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (!/^(SCRIPT|STYLE|TEMPLATE)$/.test(c.tagName)) children.push(c);
  if (children.length < MIN_ITEMS) return false;
  // Items share a tag name before they share a signature: when no tag name is common enough, neither is a signature,
  // and the signatures (a string per child, for every element with three children on the page) are not needed.
  if (!hasCommonTag(children)) return false;
  const groups = new Map<string, Element[]>();
  let items: Element[] = []; // the largest group; the first of equals
  for (const child of children) {
    const key = signature(child);
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  for (const group of groups.values()) if (group.length > items.length) items = group;
  if (items.length < MIN_ITEMS || items.length < children.length * 0.6) return false;
  // Any item too long to be a card decides it: measure lengths (cheap, bounded) before anything else.
  for (const item of items) if (squeezedLength(item, MAX_ITEM_TEXT) > MAX_ITEM_TEXT) return false;
  if (!items.every(isBlockItem)) return false;
  // Running text around the items: a sentence with links in it. Last of the cheap checks: it measures el, up to
  // five times its own text (beyond that the share is below a fifth whatever the length; a list has none).
  const own = ownTextLength(el);
  if (own > 0 && own > squeezedLength(el, 5 * own) * 0.2) return false;

  // Items that link to the site's own pages, counted first and given up on as soon as too few can: most lists that
  // get this far are prose or link elsewhere, and the reading of each item's text below is the expensive part.
  const n = items.length;
  const page = el.ownerDocument.URL.split('#')[0]!; // the page's own address, for links to places in it
  let linked = 0;
  for (let i = 0; i < n; i++) {
    if (sameSiteLink(items[i]!, hosts, page)) linked++;
    else if (n - (i + 1) + linked < n * 0.7) return false;
  }
  let timed = 0,
    pictured = 0,
    itemText = 0,
    itemLinkText = 0;
  for (const item of items) {
    const t = squeezedText(item);
    if (t.length > MAX_ITEM_TEXT) return false;
    if (Array.from(item.querySelectorAll('p')).some((p) => squeezedLength(p, 150) > 150)) return false;
    if (TIMESTAMP.test(t)) timed++;
    if (item.querySelector('img, picture, svg, [style*="background-image"]')) pictured++;
    itemText += t.length;
    itemLinkText += linkTextLength(item) + (item.tagName === 'A' ? t.length : 0);
  }
  if (linked < n * 0.7) return false;
  return timed >= n * 0.5 || pictured >= n * 0.5 || (itemText > 0 && itemLinkText / itemText >= 0.6);
}

/**
 * A home or section page: what Readability chose is itself a grid of teasers (the clutter passes keep it,
 * because it is all the prose there is). Such a page is not an article.
 */
export function isMostlyTeasers(root: Element, hosts: string[]): boolean {
  const total = squeezedLength(root);
  if (!total) return false;
  let teaserText = 0;
  const counted: Element[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (el.childElementCount < MIN_ITEMS || counted.some((c) => c.contains(el)) || !isTeaserList(el, hosts)) continue;
    counted.push(el);
    teaserText += squeezedLength(el);
  }
  return teaserText / total > 0.5;
}
