import browser from 'webextension-polyfill';
import { extensionOrigin, READER_HELLO, READER_SHOWN, READER_TOKEN } from '../src/messages';
import { pageDocument } from './page-document';

/**
 * The reader frame over the page: an extension page in an iframe, inside a closed shadow root so the page's
 * CSS cannot restyle or hide it. This element is the only thing Qari ever adds to a page; removing it gives
 * the page back exactly as it was (no scroll, style or focus change survives).
 *
 * Opening is two steps, so that the click only has to reveal: while the popup is open on an article page the
 * frame is *prepared* (loaded and the article rendered in it, but transparent, click-through and inert), and
 * "Open reader view" *shows* it. Creating the frame is most of the cost of opening (the frame's navigation
 * and the extension page's context, about 115 ms of 160 in the profile of 2026-11-30); a prepared frame that
 * is never shown is removed when the popup closes or the page is hidden (see content/index.ts).
 */

const HOST_TAG = 'qari-reader';

interface Frame {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  /**
   * Binds the frame to this script: handed to the frame only by postMessage to its window, on the extension's
   * origin (never in its URL, which the page can read from its resource timing), and carried by every request
   * the frame makes (src/messages.ts). It also proves to the frame that "shown" comes from this script.
   */
  token: string;
  loaded: boolean;
  shown: boolean;
  /** The address it was prepared for: a page that changed its URL since (history.pushState) gets a new one. */
  url: string;
}

let current: Frame | null = null;
/** The dialog inside each host's closed shadow root (reachable from here only). */
const dialogs = new WeakMap<HTMLElement, HTMLDialogElement>();
let saved: { x: number; y: number; focus: Element | null } | null = null;
let escapeHandler: ((event: KeyboardEvent) => void) | null = null;

export function isReaderShown(): boolean {
  return !!current?.host.isConnected && current.shown;
}

export function isReaderPrepared(): boolean {
  return !!current?.host.isConnected && !current.shown;
}

function setHidden(host: HTMLElement, hidden: boolean): void {
  const important = (prop: string, value: string) => host.style.setProperty(prop, value, 'important');
  // Transparent rather than display:none or visibility:hidden: the frame keeps rendering (style, layout and
  // fonts done before the click), while clicks pass through to the page and `inert` keeps focus out.
  important('opacity', hidden ? '0' : '1');
  important('pointer-events', hidden ? 'none' : 'auto');
  host.inert = hidden;
  if (!hidden) showModal(host);
}

/**
 * A shown reader is a modal dialog (inside the closed shadow root, around the frame): it goes into the top layer,
 * above the page's own open dialogs and popovers (a newsletter modal would otherwise sit over it whatever its
 * z-index), out of reach of what the page sets on <html> (opacity, filter apply to the page's tree, not to the
 * top layer), and the latest modal is the one not made inert: under a page's modal the reader could be neither
 * clicked, scrolled nor focused. The page is inert while the reader is shown, as it should be.
 */
function showModal(host: HTMLElement): void {
  const dialog = dialogs.get(host);
  if (!host.isConnected || !dialog || dialog.open) return;
  try {
    dialog.showModal();
  } catch {
    // A page in fullscreen, or a browser without it: the fixed, topmost z-index box remains.
  }
}

/** Whether `token` is the one this script handed its current reader frame. */
export function isReaderFrameToken(token: string): boolean {
  return !!current?.host.isConnected && current.token === token;
}

/**
 * A reader frame asks for its token as soon as its script runs (READER_HELLO to its parent, this page). Only the
 * frame this script made gets an answer: `event.source` is that frame's window, which no script of the page can
 * post as. The answer goes to the frame's window with the extension's origin as target, so if the frame were
 * navigated elsewhere it would not be delivered.
 */
addEventListener('message', (event) => {
  if (!current || event.source !== current.frame.contentWindow) return;
  if ((event.data as { type?: unknown } | null)?.type !== READER_HELLO) return;
  current.frame.contentWindow?.postMessage({ type: READER_TOKEN, token: current.token }, extensionOrigin());
});

function create(hidden: boolean): Frame {
  const host = pageDocument.create(HOST_TAG);
  const important = (prop: string, value: string) => host.style.setProperty(prop, value, 'important');
  for (const [prop, value] of Object.entries({
    all: 'initial',
    position: 'fixed',
    // Top-left only: with inset 0 AND width 100vw the box is overconstrained, and on an RTL page `left` is the
    // one dropped, which pushed the frame off the left edge by the scrollbar width (Firefox, classic scrollbars).
    inset: '0 auto auto 0',
    width: '100vw',
    height: '100vh',
    'z-index': '2147483647',
    display: 'block',
    margin: '0',
    padding: '0',
    border: '0',
    background: 'transparent',
    'color-scheme': 'normal',
  }))
    important(prop, value);
  const shadow = host.attachShadow({ mode: 'closed' });
  const dialog = pageDocument.create('dialog') as HTMLDialogElement;
  // Shown (display: block) even while closed: a prepared reader renders out of sight before it is a modal.
  dialog.setAttribute(
    'style',
    'all:initial;display:block;position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;overflow:hidden',
  );
  // Escape that reaches the dialog (focus on it rather than in the frame) closes the reader, not just the modal.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    escapeHandler?.(new KeyboardEvent('keydown', { key: 'Escape' }));
  });
  dialogs.set(host, dialog);
  setHidden(host, hidden);
  const frame = pageDocument.create('iframe') as HTMLIFrameElement;
  const token = crypto.randomUUID();
  frame.src = browser.runtime.getURL(hidden ? 'reader.html?hidden=1' : 'reader.html');
  frame.title = 'Qari reader view';
  frame.setAttribute('style', 'all:initial;display:block;width:100%;height:100%;border:0;margin:0;background:#fff');
  const state: Frame = { host, frame, token, loaded: false, shown: !hidden, url: location.href };
  frame.addEventListener(
    'load',
    () => {
      state.loaded = true;
      if (state.shown) afterShown(state);
    },
    { once: true },
  );
  dialog.append(frame);
  shadow.append(dialog);
  pageDocument.root()?.append(host);
  if (!hidden) showModal(host);
  return state;
}

/** The frame is visible: give it the focus and tell it (it sets data-ready only then). */
function afterShown(state: Frame): void {
  // The message first: focusing recalculates the page's style, and the frame's ready should not wait for it.
  state.frame.contentWindow?.postMessage({ type: READER_SHOWN, token: state.token }, extensionOrigin());
  state.frame.focus();
}

/** Loads the reader for this tab out of sight, so that showing it later is only a reveal. */
export function prepareReaderFrame(): void {
  if (current?.host.isConnected) return;
  current = create(true);
}

/** Removes a prepared frame nobody showed; a shown one stays. */
export function discardPreparedFrame(): void {
  if (!current || current.shown) return;
  current.host.remove();
  current = null;
}

export function showReaderFrame(onEscape: () => void): void {
  if (isReaderShown()) return;
  saved = { x: window.scrollX, y: window.scrollY, focus: pageDocument.activeElement() };
  // Escape while focus is still on the page (before the frame takes it); inside the frame the reader handles it.
  escapeHandler = (event) => {
    if (event.key === 'Escape' && isReaderShown()) {
      event.stopImmediatePropagation();
      onEscape();
    }
  };
  pageDocument.on('keydown', escapeHandler as EventListener, true);
  if (current && current.url !== location.href) discardPreparedFrame();
  if (!current?.host.isConnected) {
    current = create(false);
    return;
  }
  current.shown = true;
  setHidden(current.host, false);
  if (current.loaded) afterShown(current);
}

export function hideReaderFrame(): void {
  if (escapeHandler) pageDocument.off('keydown', escapeHandler as EventListener, true);
  escapeHandler = null;
  current?.host.remove();
  current = null;
  if (saved) {
    window.scrollTo(saved.x, saved.y);
    if (saved.focus instanceof HTMLElement) saved.focus.focus({ preventScroll: true });
    saved = null;
  }
}
