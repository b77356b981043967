import browser from 'webextension-polyfill';
import { pageDocument } from './page-document';

/**
 * The reader frame over the page: an extension page in an iframe, inside a closed shadow root so the page's
 * CSS cannot restyle or hide it. This element is the only thing Qari ever adds to a page; removing it gives
 * the page back exactly as it was (no scroll, style or focus change survives).
 */

const HOST_TAG = 'qari-reader';
let host: HTMLElement | null = null;
let saved: { x: number; y: number; focus: Element | null } | null = null;
let escapeHandler: ((event: KeyboardEvent) => void) | null = null;

export function isReaderShown(): boolean {
  return !!host?.isConnected;
}

export function showReaderFrame(tabId: number, onEscape: () => void): void {
  if (isReaderShown()) return;
  saved = { x: window.scrollX, y: window.scrollY, focus: pageDocument.activeElement() };
  host = pageDocument.create(HOST_TAG);
  const important = (prop: string, value: string) => host!.style.setProperty(prop, value, 'important');
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
  const frame = pageDocument.create('iframe') as HTMLIFrameElement;
  frame.src = `${browser.runtime.getURL('reader.html')}?tab=${tabId}`;
  frame.title = 'Qari reader view';
  frame.setAttribute('style', 'all:initial;display:block;width:100%;height:100%;border:0;margin:0;background:#fff');
  frame.addEventListener('load', () => frame.focus(), { once: true });
  shadow.append(frame);
  // Escape while focus is still on the page (before the frame takes it); inside the frame the reader handles it.
  escapeHandler = (event) => {
    if (event.key === 'Escape' && isReaderShown()) {
      event.stopImmediatePropagation();
      onEscape();
    }
  };
  pageDocument.on('keydown', escapeHandler as EventListener, true);
  pageDocument.root()?.append(host);
}

export function hideReaderFrame(): void {
  if (escapeHandler) pageDocument.off('keydown', escapeHandler as EventListener, true);
  escapeHandler = null;
  host?.remove();
  host = null;
  if (saved) {
    window.scrollTo(saved.x, saved.y);
    if (saved.focus instanceof HTMLElement) saved.focus.focus({ preventScroll: true });
    saved = null;
  }
}
