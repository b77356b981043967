import type { Direction } from '../src/article';
import type { DirectionChoice } from '../src/settings/site-direction';

/**
 * The reader's manual direction choice. "Auto" restores what detection decided (per block); a forced
 * direction sets the base and makes every block follow it (data-forced, see reader.css): the reader
 * chose it because detection got this page wrong, so per-block guesses are not trusted either.
 */
export function applyDirection(container: HTMLElement, detected: Direction, choice: DirectionChoice): void {
  const dir = choice === 'auto' ? detected : choice;
  for (const el of Array.from(container.querySelectorAll<HTMLElement>(':scope > header.meta, :scope > article'))) {
    el.dir = dir;
    if (choice === 'auto') delete el.dataset.forced;
    else el.dataset.forced = 'true';
  }
  document.documentElement.dir = dir;
}
