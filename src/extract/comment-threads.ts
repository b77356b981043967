import { squeezedText } from './squeezed-text';
/**
 * Reader comments (talkbacks, "reactions") that carry no "comment" class name and so survive the class-name pass:
 * after the article, a run of three or more items of the same shape, each opening with a short head that holds a
 * date or time (who and when) followed by the reader's text. A live blog's entries look alike but are the article
 * itself: a thread counts only when a real article body comes before it and nothing of substance after it.
 */

const MIN_ITEMS = 3;
/** Prose before the thread: the article the comments are about. */
const MIN_ARTICLE_BEFORE = 600;
/** What may follow the thread: an "add your comment" link, a counter. */
const MAX_TEXT_AFTER = 200;
const HEAD_LENGTH = 80;
/** A date or time in a comment's head: "13 May 2024, 19:44", "03/11/2024 08:40", "2 hours ago", "منذ ساعتين". */
const WHEN =
  /[\d٠-٩۰-۹]{1,4}\s*[:/.\-–]\s*[\d٠-٩۰-۹]{1,2}|\b(19|20)\d{2}\b|\bago\b|منذ\s|לפני\s|پیش\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/iu;

function signature(el: Element): string {
  return `${el.tagName}.${Array.from(el.classList).sort().join('.')}`;
}

/** The item opens with a short who-and-when head: a leaf element near its start whose text has a date or time. */
function hasDatedHead(item: Element): boolean {
  let seen = 0;
  const walker = item.ownerDocument.createTreeWalker(item, 1 /* elements */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (el.childElementCount > 0) continue;
    const t = squeezedText(el);
    if (t.length <= 60 && WHEN.test(t)) return true;
    seen += t.length;
    if (seen > HEAD_LENGTH) return false;
  }
  return false;
}

function isThread(el: Element): boolean {
  const children = Array.from(el.children);
  if (children.length < MIN_ITEMS) return false;
  const groups = new Map<string, Element[]>();
  for (const c of children) {
    const key = signature(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  let items: Element[] = []; // the largest group; the first of equals
  for (const group of groups.values()) if (group.length > items.length) items = group;
  if (items.length < MIN_ITEMS || items.length < children.length * 0.6) return false;
  // Readers write sentences: an item is its head plus text well beyond it; link-only items are teasers, not comments.
  const dated = items.filter((item) => hasDatedHead(item) && squeezedText(item).length > HEAD_LENGTH).length;
  return dated >= items.length * 0.6;
}

/** Text of root before and after `el` in document order (not counting el itself). */
function textAround(root: Element, el: Element): { before: number; after: number } {
  let before = 0;
  let after = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* text */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.contains(n)) continue;
    const length = n.nodeValue!.trim().length;
    if (el.compareDocumentPosition(n) & 2 /* preceding */) before += length;
    else after += length;
  }
  return { before, after };
}

export function removeCommentThreads(root: Element): number {
  let removed = 0;
  // Outermost first: the thread's list, not a reply list inside one of its comments.
  for (const el of Array.from(root.querySelectorAll('ul, ol, div, section'))) {
    if (!root.contains(el) || el === root || !isThread(el)) continue;
    const { before, after } = textAround(root, el);
    if (before < MIN_ARTICLE_BEFORE || after > MAX_TEXT_AFTER) continue;
    el.remove();
    removed++;
  }
  return removed;
}
