import { closestWithClassWord } from './class-words';

/**
 * Lead images, figures and standfirsts often sit outside the container Readability picks (a sibling of the
 * body div, inside the article header), and readers lose the opening of the story. Before Readability we
 * remember every figure, large image and paragraph between the title and the body, with its position in
 * reading order; after, any of them missing from the result is put back where it stood.
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

function mediaRoot(img: Element): Element {
  const figure = img.closest('figure');
  if (figure) return figure;
  const picture = img.closest('picture') ?? img;
  // An image followed by a caption-like sibling: keep the two together as a figure.
  const parent = picture.parentElement;
  const caption = parent?.querySelector(':scope > [class*="caption" i], :scope > figcaption');
  return caption && parent && parent.querySelectorAll('img').length === 1 ? parent : picture;
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
  const caption = media.querySelector('[class*="caption" i], figcaption')?.textContent?.trim();
  if (caption) {
    const figcaption = doc.createElement('figcaption');
    figcaption.textContent = caption;
    figure.append(figcaption);
  }
  return figure;
}

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
    if (
      (node.tagName === 'P' && (node.textContent ?? '').trim().length >= 80) ||
      (afterTitle && paragraphs === 0 && isSubhead(node))
    ) {
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
  return {
    restore(root: Element): number {
      let restored = 0;
      const present = new Set(Array.from(root.querySelectorAll('img')).map((img) => img.getAttribute('src')));
      const ordered = Array.from(root.querySelectorAll(`[${ORDER}]`));
      const first = Number(ordered[0]?.getAttribute(ORDER) ?? NaN);
      for (const { clone, original, order, paragraph } of candidates) {
        if (root.contains(original)) continue;
        // Put back only the story's opening: paragraphs before its first kept paragraph, media up to just after
        // it (lead images often follow a standfirst). Whatever Readability dropped from further in stays dropped.
        if (paragraph ? !(order < first) : !(order <= first + 1)) continue;
        const next = ordered.find((p) => Number(p.getAttribute(ORDER)) >= order && root.contains(p));
        if (!next) continue;
        if (paragraph) {
          next.before(clone);
        } else {
          const src = clone.querySelector('img')?.getAttribute('src') ?? clone.getAttribute('src');
          if (present.has(src ?? null)) continue;
          present.add(src ?? null);
          next.before(asFigure(clone));
        }
        restored++;
      }
      for (const el of Array.from(root.querySelectorAll(`[${ORDER}]`))) el.removeAttribute(ORDER);
      return restored;
    },
  };
}
