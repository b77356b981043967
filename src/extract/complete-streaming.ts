/**
 * Pages streamed by React (Next.js and other server renderers of React 18+) send the page's shell first, with a
 * placeholder where each slow part goes (`<!--$?--><template id="B:0"></template>Loading…<!--/$-->`), and each part
 * later, hidden at the end of the body (`<div hidden id="S:0">…</div>`), followed by a one-line script that moves it
 * into its place (`$RC("B:0","S:0")`). In the live page those scripts have run. In a page read from its bytes (a
 * link saved from the reading list, the command line, a saved copy) they never do: the article sits hidden at the end
 * of the body, and the passes that drop hidden blocks (remove-clutter.ts), like Readability's own, drop it (WCXB dev:
 * a guide kept 36 % of its words, a service page 9 %).
 *
 * So the clone does what the scripts would have done, as the lazy images do (resolve-lazy-images.ts): the calls are
 * read from the scripts' text (nothing is run) and replayed in order, with React's own rules for finding the
 * placeholder and what it replaces. A page without the calls (a copy whose scripts were stripped) is left as it is:
 * which hidden part goes where is then a guess, and a guess puts paragraphs out of order.
 */

/** React's instructions: complete a boundary (`$RC`, and `$RR` with stylesheets), fill a segment's placeholder (`$RS`). */
const CALL = /\$R([CRS])\(\s*"([^"\\]+)"\s*,\s*"([^"\\]+)"/g;

/** The comments around a Suspense boundary: start (pending, done, client-rendered) and end. */
const START = new Set(['$', '$?', '$!']);
const END = '/$';

export function completeStreaming(doc: Document): number {
  // Pages without a pending placeholder (nearly all, and every live page once loaded) cost one query.
  if (!doc.querySelector('template[id^="B:"], template[id^="P:"]')) return 0;
  const calls: [kind: string, first: string, second: string][] = [];
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (!text.includes('$R')) continue;
    for (const [, kind, first, second] of text.matchAll(CALL)) calls.push([kind!, first!, second!]);
  }
  let done = 0;
  for (const [kind, first, second] of calls)
    if (kind === 'S' ? fillSegment(doc, first, second) : completeBoundary(doc, first, second)) done++;
  return done;
}

/** `$RS(segment, placeholder)`: the segment's nodes replace the placeholder `<template>`. */
function fillSegment(doc: Document, segmentId: string, placeholderId: string): boolean {
  const segment = doc.getElementById(segmentId);
  const placeholder = doc.getElementById(placeholderId);
  if (!segment || !placeholder?.parentNode) return false;
  segment.remove();
  while (segment.firstChild) placeholder.parentNode.insertBefore(segment.firstChild, placeholder);
  placeholder.remove();
  return true;
}

/**
 * `$RC(boundary, content)`: the boundary's fallback ("Loading…"), from its `<template>` to the comment that ends the
 * boundary (counting the boundaries nested in it), gives way to the content's nodes.
 */
function completeBoundary(doc: Document, boundaryId: string, contentId: string): boolean {
  const content = doc.getElementById(contentId);
  const placeholder = doc.getElementById(boundaryId);
  const start = placeholder?.previousSibling;
  const parent = placeholder?.parentNode;
  if (!content || !placeholder || !parent) return false;
  const pending = start?.nodeType === 8 && (start as Comment).data === '$?';
  content.remove();
  // No comments around it (a copy that lost them): the fallback stays, the content goes where the placeholder was.
  const until = (pending && boundaryEnd(placeholder)) || placeholder.nextSibling;
  for (let node: ChildNode | null = placeholder; node && node !== until;) {
    const next: ChildNode | null = node.nextSibling;
    node.remove();
    node = next;
  }
  while (content.firstChild) parent.insertBefore(content.firstChild, until);
  if (pending) (start as Comment).data = '$';
  return true;
}

/** The comment that ends the boundary `from` starts in (nested boundaries counted), or null. */
function boundaryEnd(from: ChildNode): ChildNode | null {
  let depth = 0;
  for (let node: ChildNode | null = from; node; node = node.nextSibling) {
    if (node.nodeType !== 8) continue;
    const data = (node as Comment).data;
    if (data === END) {
      if (depth === 0) return node;
      depth--;
    } else if (START.has(data)) depth++;
  }
  return null;
}
