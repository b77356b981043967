import { closestWithClassWord, hasClutterClass } from './class-words';
import { linkDensity } from './remove-clutter';
import { squeezedLength } from './squeezed-length';
import { tick } from './time-budget';

/**
 * Lead images, figures and standfirsts often sit outside the container Readability picks (a sibling of the
 * body div, inside the article header), and readers lose the opening of the story. Before Readability we
 * remember every figure, large image and paragraph between the title and the body, with its position in
 * reading order; after, any of them missing from the result is put back where it stood.
 *
 * The same for two other losses. A box beside the body (a review's verdict with its pros and cons, a summary) that
 * Readability skipped while keeping the blocks on both sides of it: it sat between two parts of the story. And the
 * caption of a kept image when the caption is a sibling of the image's wrapper rather than inside a figure.
 */

const ORDER = 'data-qari-order';
const LEAD_PARAGRAPHS = 3; // how far into the story a lost lead can be
const SMALL = 200; // px: avatars, logos and icons are smaller than any lead image
const NOT_LEAD = /(^|[\s_-])(avatar|logo|icon|byline|author|profile|sprite|badge|emoji)/i;
/** Containers whose images belong to the page around the story, not to it: by tag, or by class words. */
const RAIL = 'aside, nav, [role="complementary"]';
const RAIL_WORDS = new Set(['rail', 'sidebar', 'promo', 'related', 'widget']);

interface Candidate {
  clone: Element;
  original: Element;
  /** Media: the number of paragraphs before it in document order. Paragraphs: their own index. */
  order: number;
  paragraph: boolean;
  /** A box beside the body: the index of its last paragraph (its first is `order`). */
  box?: number;
}

/** A box beside the body holds at most this many paragraphs; the body beside it at least BODY. */
const BOX_PARAGRAPHS = 2;
const BODY = 3;

/** A paragraph of prose, by which lost media find their place: at least this long. */
const PROSE = 80;

/**
 * A paragraph for ordering: a <p> of prose, or a <div> whose own text (between <br>s, not in child blocks) is prose:
 * older templates set the whole story as one <div> of <br>-separated lines, with no <p> at all.
 */
function isProse(node: Element): boolean {
  if (node.tagName === 'P') return (node.textContent ?? '').trim().length >= PROSE;
  if (node.tagName !== 'DIV' || !hasChildBr(node)) return false;
  let own = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue!.trim().length;
  return own >= PROSE;
}

/**
 * `div.querySelector(':scope > br')`, without the query: it searches the div's whole subtree for a child, and this
 * runs for every div of the page (nested ones included), which made the walk quadratic in the nesting depth.
 */
function hasChildBr(node: Element): boolean {
  for (let c = node.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'br') return true;
  return false;
}

/** Links make up most of it: a "read more" line, not a standfirst. */
function isLinkLine(p: Element): boolean {
  const total = (p.textContent ?? '').trim().length;
  let links = 0;
  for (const a of Array.from(p.querySelectorAll('a'))) links += (a.textContent ?? '').trim().length;
  return total === 0 || links / total > 0.3;
}

/**
 * A standfirst set as a heading: an h2 right after the headline, before any paragraph, as long as a sentence
 * ("Harney Flats facility can supply about 90,000 homes…"). Section headings are short.
 */
function isSubhead(el: Element): boolean {
  return el.tagName === 'H2' && (el.textContent ?? '').trim().length >= 60;
}

/** The clone to put back; a standfirst heading comes back as the paragraph it is. */
function asParagraph(el: Element): Element {
  const clone = el.cloneNode(true) as Element;
  if (el.tagName === 'P') return clone;
  const p = el.ownerDocument.createElement('p');
  p.append(...Array.from(clone.childNodes));
  return p;
}

/**
 * The caption beside an image that is not in a figure: climb the image's bare wrappers (no text, no other image),
 * then a caption-like sibling of the outermost one (`<div class=media><img></div><div class=media__caption>`).
 */
function captionBeside(img: Element): Element | null {
  if (img.closest('figure')) return null;
  let wrapper: Element = img.closest('picture') ?? img;
  for (let depth = 0; depth < 4; depth++) {
    const parent = wrapper.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.querySelectorAll('img').length !== 1) return null;
    const caption = parent.querySelector(':scope > [class*="caption" i], :scope > figcaption');
    if (caption && caption !== wrapper && (caption.textContent ?? '').trim()) return caption;
    if (squeezedLength(parent, 1) > 0) return null; // text of its own, and no caption: not a bare wrapper
    wrapper = parent;
  }
  return null;
}

function mediaRoot(img: Element): Element {
  const figure = img.closest('figure');
  if (figure) return figure;
  // An image followed by a caption-like sibling: keep the two together as a figure.
  return captionBeside(img)?.parentElement ?? img.closest('picture') ?? img;
}

function isSmall(img: Element): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return (width > 0 && width < SMALL) || (height > 0 && height < SMALL / 2);
}

/** A remembered image (with its caption box, if any) as a <figure>, the shape the reader styles. */
function asFigure(media: Element): Element {
  if (media.tagName === 'FIGURE') return media;
  const doc = media.ownerDocument;
  const figure = doc.createElement('figure');
  if (media.tagName === 'IMG' || media.tagName === 'PICTURE') {
    figure.append(media);
    return figure;
  }
  const image = media.querySelector('picture') ?? media.querySelector('img');
  if (image) figure.append(image);
  const caption = media.querySelector('[class*="caption" i], figcaption');
  if (caption?.textContent?.trim()) figure.append(asFigcaption(caption));
  return figure;
}

/** A caption box as a <figcaption>, its inline markup kept (the credit pass reads a credit's own span). */
function asFigcaption(caption: Element): Element {
  const figcaption = caption.ownerDocument.createElement('figcaption');
  figcaption.append(...Array.from(caption.cloneNode(true).childNodes));
  return figcaption;
}

/** Gives a kept image its lost caption: the image (with its bare wrappers) becomes a figure. */
function attachCaption(img: Element, caption: Element, root: Element): void {
  const figcaption = asFigcaption(caption);
  const figure = img.closest('figure');
  if (figure) {
    figure.append(figcaption);
    return;
  }
  const media = img.closest('picture') ?? img;
  let host = media;
  while (
    host.parentElement &&
    host.parentElement !== root &&
    host.parentElement.querySelectorAll('img').length === 1 &&
    !squeezedLength(host.parentElement, 1)
  )
    host = host.parentElement;
  const wrapper = img.ownerDocument.createElement('figure');
  host.replaceWith(wrapper);
  wrapper.append(media, figcaption);
}

const normalized = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Where a lead image may sit before the headline: the story's own <article>, or a header that holds the headline
 * and no navigation (a page masthead with the site's logo is not the story's header).
 */
function heroScope(h1: Element | null): Element | null {
  const scope = h1?.parentElement?.closest('article, header');
  if (!scope || scope.tagName === 'BODY' || scope.querySelector('nav, [role="navigation"]')) return null;
  return scope;
}

export interface LeadMedia {
  /**
   * Puts back into `root` what it lost; may be asked again of another root (the content region's copy, orRegion in
   * extract-article.ts): what it puts back are copies, and it keeps no record of earlier calls.
   */
  restore(root: Element): number;
}

export function rememberLead(doc: Document): LeadMedia {
  const h1 = doc.querySelector('h1');
  const candidates: Candidate[] = [];
  let paragraphs = 0;
  const seen = new Set<Element>();
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 1 /* elements */);
  let afterTitle = !h1;
  const hero = heroScope(h1);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node === h1) afterTitle = true;
    if (isProse(node) || (afterTitle && paragraphs === 0 && isSubhead(node))) {
      node.setAttribute(ORDER, String(paragraphs));
      if (afterTitle && paragraphs < LEAD_PARAGRAPHS && !isLinkLine(node)) {
        candidates.push({ clone: asParagraph(node), original: node, order: paragraphs, paragraph: true });
      }
      paragraphs++;
    }
    // Before the headline only a hero image in the story's own header counts (longform and feature layouts).
    if ((!afterTitle && !hero?.contains(node)) || node.tagName !== 'IMG' || paragraphs > LEAD_PARAGRAPHS) continue;
    if (
      !node.getAttribute('src') ||
      isSmall(node) ||
      NOT_LEAD.test(`${node.getAttribute('class')} ${node.parentElement?.getAttribute('class')}`)
    )
      continue;
    if (node.closest(RAIL) || closestWithClassWord(node, RAIL_WORDS)) continue;
    const root = mediaRoot(node);
    if (seen.has(root)) continue;
    seen.add(root);
    candidates.push({ clone: root.cloneNode(true) as Element, original: root, order: paragraphs, paragraph: false });
  }
  candidates.push(...besideBody(doc));
  // In reading order: boxes and the media before them go back in the order they stood.
  candidates.sort((a, b) => (a.original.compareDocumentPosition(b.original) & 4 /* b follows */ ? -1 : 1));
  // Captions beside their image's wrapper, by image address (every image: Readability may keep one anywhere).
  const captions = new Map<string, Element>();
  for (const img of Array.from(doc.body?.querySelectorAll('img[src]') ?? [])) {
    tick();
    const caption = isSmall(img) || img.closest(RAIL) ? null : captionBeside(img);
    if (caption) captions.set(img.getAttribute('src')!, caption.cloneNode(true) as Element);
  }
  return {
    restore(root: Element): number {
      let restored = 0;
      const present = new Set(Array.from(root.querySelectorAll('img')).map((img) => img.getAttribute('src')));
      const ordered = Array.from(root.querySelectorAll(`[${ORDER}]`));
      const orderOf = (p: Element) => Number(p.getAttribute(ORDER));
      const kept = new Set(ordered.map(orderOf));
      const first = ordered[0] ? orderOf(ordered[0]) : NaN;
      const page = root.querySelector('#readability-page-1');
      /** The block of Readability's page that holds `el` (it keeps the top candidate and chosen siblings there). */
      const blockOf = (el: Element): Element | null => {
        if (!page) return null;
        let node = el;
        while (node.parentElement && node.parentElement !== page) node = node.parentElement;
        return node.parentElement === page ? node : null;
      };
      /**
       * What was lost between kept paragraphs `lo` and `hi` (by order) lay between two blocks Readability chose, not
       * inside one it cleaned: the block after, to put it back before; null when both sides are one block.
       */
      const gapAfter = (lo: number, hi: number): Element | null => {
        const before = ordered.filter((p) => orderOf(p) <= lo).pop();
        const after = ordered.find((p) => orderOf(p) >= hi);
        const [a, b] = [before && blockOf(before), after && blockOf(after)];
        return a && b && a !== b ? b : null;
      };
      for (const { clone, original, order, paragraph, box } of candidates) {
        if (root.contains(original)) continue;
        if (box !== undefined) {
          // A box beside the body: only when none of it was kept, and it stood between two kept blocks.
          let some = false;
          for (let o = order; o <= box; o++) some ||= kept.has(o);
          const block = some ? null : gapAfter(order - 1, box + 1);
          if (!block) continue;
          for (const img of Array.from(clone.querySelectorAll('img'))) present.add(img.getAttribute('src'));
          block.before(clone.cloneNode(true));
          restored++;
          continue;
        }
        // Put back only the story's opening: paragraphs before its first kept paragraph, media up to just after
        // it (lead images often follow a standfirst) or between two blocks Readability kept. Whatever Readability
        // dropped from further in stays dropped.
        if (paragraph && !(order < first)) continue;
        const block = paragraph ? null : gapAfter(order - 1, order);
        if (!paragraph && !(order <= first + 1) && !block) continue;
        const next = ordered.find((p) => orderOf(p) >= order && root.contains(p));
        if (!next) continue;
        if (paragraph) {
          next.before(clone.cloneNode(true));
        } else {
          const src = clone.querySelector('img')?.getAttribute('src') ?? clone.getAttribute('src');
          if (present.has(src ?? null)) continue;
          present.add(src ?? null);
          (block ?? next).before(asFigure(clone.cloneNode(true) as Element));
        }
        restored++;
      }
      // A kept image whose caption (beside its wrapper, not in a figure) Readability dropped gets it back.
      if (captions.size) {
        const text = normalized(root.textContent);
        const given = new Set<string>(); // one caption per address, the first image's
        for (const img of Array.from(root.querySelectorAll('img[src]'))) {
          const src = img.getAttribute('src')!;
          const caption = given.has(src) ? undefined : captions.get(src);
          if (!caption || text.includes(normalized(caption.textContent))) continue;
          given.add(src);
          attachCaption(img, caption, root);
          restored++;
        }
      }
      for (const el of Array.from(root.querySelectorAll(`[${ORDER}]`))) el.removeAttribute(ORDER);
      return restored;
    },
  };
}

/**
 * Boxes beside the body: a div or section with one or two paragraphs, few links and no clutter or author name, before
 * a sibling that holds the body (three paragraphs or more). A review's verdict, a summary box, a key-points box.
 */
function besideBody(doc: Document): Candidate[] {
  const body = doc.body;
  if (!body) return [];
  const counts = new Map<Element, number>();
  for (const p of Array.from(body.querySelectorAll(`[${ORDER}]`))) {
    tick();
    for (let a = p.parentElement; a && a !== body; a = a.parentElement) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  // Each parent's last child that holds the body: a box before it has the body after it among its siblings. (Asked
  // of the siblings of each box, that was a list of them per box: quadratic for a parent of a thousand short posts.)
  const lastBody = new Map<Element, Element>();
  for (const [el, n] of counts) {
    const parent = el.parentElement;
    if (n < BODY || !parent) continue;
    const last = lastBody.get(parent);
    if (!last || last.compareDocumentPosition(el) & 4 /* el follows */) lastBody.set(parent, el);
  }
  const boxes: Candidate[] = [];
  for (const [box, n] of counts) {
    if (n > BOX_PARAGRAPHS || !box.matches('div, section')) continue;
    // Before the body, as a verdict or summary stands: after it come author bios, appeals and comments.
    const last = box.parentElement && lastBody.get(box.parentElement);
    if (!last || !(box.compareDocumentPosition(last) & 4) /* the body follows */) continue;
    if (
      linkDensity(box) > 0.25 ||
      box.closest(RAIL) ||
      closestWithClassWord(box, RAIL_WORDS) ||
      hasClutterClass(box) ||
      NOT_LEAD.test(`${box.getAttribute('class')} ${box.id}`)
    )
      continue;
    const orders = Array.from(box.querySelectorAll(`[${ORDER}]`)).map((p) => Number(p.getAttribute(ORDER)));
    boxes.push({
      clone: box.cloneNode(true) as Element,
      original: box,
      order: Math.min(...orders),
      box: Math.max(...orders),
      paragraph: false,
    });
  }
  return boxes;
}
