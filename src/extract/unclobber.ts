/**
 * DOM clobbering: on a Document (and on every <form>), an element's name or id can shadow built-in
 * properties. `<img name="body">` makes `document.body` that image; `<input name="removeAttribute">` makes
 * `form.removeAttribute` an input, and Readability calls it. Extraction runs on a clone, so we take those
 * names off the clone first, through the prototypes, which no markup can shadow.
 */

/** Elements whose name/id the HTML spec exposes as Document or form properties. */
const NAMED =
  'form[name], img[name], img[id], embed[name], iframe[name], object[name], object[id], form [name], form [id], [form][name], [form][id]';

export function unclobber(doc: Document): number {
  // A cloned document has no window; the content script's own globals have the same prototypes then.
  const win = (doc.defaultView ?? globalThis) as typeof globalThis;
  const docProto = Object.getPrototypeOf(doc) as object;
  const formProto = win.HTMLFormElement.prototype as object;
  const { getAttribute, removeAttribute } = win.Element.prototype;
  let removed = 0;
  for (const el of Array.from(win.Document.prototype.querySelectorAll.call(doc, NAMED))) {
    for (const attr of ['name', 'id']) {
      const value = getAttribute.call(el, attr);
      if (value && (value in docProto || value in formProto)) {
        removeAttribute.call(el, attr);
        removed++;
      }
    }
  }
  return removed;
}
