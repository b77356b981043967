import { markRead, setProgress } from '../src/library/update-article';

/**
 * Remembers how far a saved article was read: restored on open, saved when scrolling pauses (not on every
 * scroll event: each save rewrites the record), and the article counts as read near its end.
 */
export function trackProgress(id: string, initial: number, alreadyRead: boolean): void {
  const root = document.scrollingElement ?? document.documentElement;
  const max = () => Math.max(1, root.scrollHeight - root.clientHeight);
  if (initial > 0 && initial < 1) root.scrollTop = initial * max();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let read = alreadyRead;
  addEventListener(
    'scroll',
    () => {
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
