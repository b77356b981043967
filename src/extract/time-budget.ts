/**
 * A time budget for one extraction. Extraction is synchronous, and in the content script it runs on the page's
 * main thread; on a page of hundreds of thousands of elements Readability alone can take minutes. Code that loops
 * over nodes calls `tick()`: every 256th call reads the clock and, past the deadline, throws
 * `TimeBudgetExceeded`, which extractArticle turns into a plain "too large" answer. Sampling the clock keeps the
 * check free on ordinary pages (reading it at every node would cost more than some passes).
 *
 * The deadline is module state, set for the span of one synchronous step (`withDeadline`), so the passes need
 * no extra parameter; outside such a span `tick()` never throws.
 */

export class TimeBudgetExceeded extends Error {
  constructor() {
    super('The extraction ran out of its time budget.');
    this.name = 'TimeBudgetExceeded';
  }
}

let deadline = Infinity;
let ticks = 0;

/** Runs `step` with `tick()` throwing once `performance.now()` passes `at`. */
export function withDeadline<T>(at: number, step: () => T): T {
  const outer = deadline;
  deadline = at;
  try {
    if (performance.now() > at) throw new TimeBudgetExceeded();
    return step();
  } finally {
    deadline = outer;
  }
}

export function tick(): void {
  if ((++ticks & 255) === 0 && deadline !== Infinity && performance.now() > deadline) throw new TimeBudgetExceeded();
}
