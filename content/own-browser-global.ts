/**
 * `<form id="browser"><input name="runtime" id="x">` makes `window.browser.runtime.id` truthy in the page,
 * and named elements are visible to content scripts. webextension-polyfill checks exactly that to decide
 * whether `browser` is the real API, and would hand us the page's form. An own property shadows named
 * access. Firefox's real `browser` is already an own property and is left alone. Imported first.
 */
if (!Object.prototype.hasOwnProperty.call(globalThis, 'browser')) {
  Object.defineProperty(globalThis, 'browser', { value: undefined, writable: true, configurable: true });
}
export {};
