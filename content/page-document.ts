/**
 * The live page's document, read through the DOM prototypes. The page controls its markup, and named
 * elements shadow Document properties (`<img name="body">` is `document.body`, `<form name="createElement">`
 * is `document.createElement`); content scripts see that too. The prototypes cannot be shadowed.
 */

function get<T>(name: string): T {
  return Reflect.get(Document.prototype, name, document) as T;
}

export const pageDocument = {
  body: () => get<HTMLElement | null>('body'),
  root: () => get<HTMLElement | null>('documentElement'),
  contentType: () => get<string>('contentType'),
  title: () => get<string>('title'),
  activeElement: () => get<Element | null>('activeElement'),
  clone: () => Node.prototype.cloneNode.call(document, true) as Document,
  query: (selector: string) => Document.prototype.querySelector.call(document, selector),
  create: <K extends keyof HTMLElementTagNameMap>(tag: K | string) =>
    Document.prototype.createElement.call(document, tag) as HTMLElement,
  on: (type: string, listener: EventListener, capture: boolean) =>
    EventTarget.prototype.addEventListener.call(document, type, listener, capture),
  off: (type: string, listener: EventListener, capture: boolean) =>
    EventTarget.prototype.removeEventListener.call(document, type, listener, capture),
};
