/**
 * AMP pages (Google's AMP, still served by many Arabic and sports sites as their article page) write images as
 * `<amp-img src width height alt layout>`, a custom element that only the AMP runtime turns into an image.
 * Readability and our passes know `<img>`; without this the lead image and every figure of an AMP article is lost.
 */

const AMP_IMAGE = 'amp-img, amp-anim';
const KEPT_ATTRIBUTES = ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'title'];

/** Replaces every `<amp-img>` / `<amp-anim>` with a plain `<img>` carrying its source, size and alt text. */
export function replaceAmpImages(doc: Document): number {
  let replaced = 0;
  for (const amp of Array.from(doc.querySelectorAll(AMP_IMAGE))) {
    // An amp-img nested in another (the AMP fallback pattern) goes with its parent.
    if (!amp.isConnected || amp.parentElement?.closest(AMP_IMAGE)) continue;
    const img = doc.createElement('img');
    for (const name of KEPT_ATTRIBUTES) {
      const value = amp.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    // No source of its own: the runtime's rendered <img> or the page's <noscript> fallback has it.
    if (!img.getAttribute('src')) {
      const inner = amp.querySelector('img[src]');
      if (!inner) continue;
      img.setAttribute('src', inner.getAttribute('src')!);
    }
    amp.replaceWith(img);
    replaced++;
  }
  return replaced;
}
