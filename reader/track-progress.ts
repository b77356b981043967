import { markRead, setProgress } from '../src/library/update-article';

/** How long after the reader's own input a scroll still counts as theirs (a wheel fling or a held key glides on). */
const INTENT_MS = 1500;
/** Keys that scroll the page. */
const SCROLL_KEYS = new Set([' ', 'PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * Remembers how far a saved article was read: restored on open, saved when scrolling pauses (not on every
 * scroll event: each save rewrites the record), and the article counts as read near its end.
 *
 * Only scrolling the reader did counts: a scroll that follows no wheel, touch, key or pointer input of theirs
 * (restoring the position on open, a fragment navigation, a script) moves neither the progress nor `readAt`.
 * Issue 11: a page that framed the reader could set a saved article's progress and mark it read by navigating
 * the frame to a fragment. `isTrusted` keeps synthetic events out.
 */
export function trackProgress(id: string, initial: number, alreadyRead: boolean): void {
  const root = document.scrollingElement ?? document.documentElement;
  const max = () => Math.max(1, root.scrollHeight - root.clientHeight);
  if (initial > 0 && initial < 1) root.scrollTop = initial * max();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let read = alreadyRead;
  let intentAt = -Infinity;
  const intent = (event: Event) => {
    if (!event.isTrusted) return;
    if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return;
    intentAt = performance.now();
  };
  for (const type of ['wheel', 'touchmove', 'pointerdown', 'keydown'])
    addEventListener(type, intent, { passive: true, capture: true });
  addEventListener(
    'scroll',
    () => {
      if (performance.now() - intentAt > INTENT_MS) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const progress = Math.min(1, root.scrollTop / max());
        void setProgress(id, progress).catch(() => undefined);
        if (!read && progress > 0.9) {
          read = true;
          void markRead(id, true).catch(() => undefined);
        }
      }, 600);
    },
    { passive: true },
  );
}
