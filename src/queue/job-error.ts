import type { FailureKind, JobFailure } from './schema';

/**
 * A job's failure, thrown by whatever runs the job and caught by the runner. `retry` is true only for what may
 * pass on its own (a network error, a timeout, a 5xx, a 429): a 404 or a page that needs JavaScript will fail
 * the same way every time, and retrying it only costs the site requests.
 */
export class JobError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retry = false,
  ) {
    super(message);
    this.name = 'JobError';
  }
  get failure(): JobFailure {
    return { kind: this.kind, message: this.message };
  }
}

export const NEEDS_SCRIPT_MESSAGE = 'This page needs JavaScript to show its text: open it and save it from the page.';

/** The failure for an HTTP answer that is not a page (status outside 200–299). */
export function failureForStatus(status: number): JobError {
  if (status === 404 || status === 410)
    return new JobError('gone', `The site answered ${status}: the page is gone or has moved.`);
  if (status === 401 || status === 403 || status === 451)
    return new JobError('blocked', `The site answered ${status}: it did not let Qari read this page.`);
  if (status === 429)
    return new JobError('network', 'The site asked Qari to slow down (429): it will try again later.', true);
  if (status >= 500)
    return new JobError('network', `The site had a problem (${status}): Qari will try again later.`, true);
  return new JobError('gone', `The site answered ${status}: there is no page to save here.`);
}

/** The failure for a fetch that threw (offline, DNS, refused connection, timeout). */
export function failureForFetchError(error: unknown): JobError {
  if (error instanceof JobError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new JobError('timed-out', 'The site took too long to answer: Qari will try again later.', true);
  return new JobError('network', 'Qari could not reach the site: it will try again later.', true);
}

/**
 * Anything thrown while running a job, as a failure. An unexpected error is retried like a network error: the
 * browser closing mid-job throws such errors (the offscreen document or the database going away; seen in the
 * import-resume e2e as one article of 180 failed for good), and losing an article costs more than two more
 * attempts of one that would fail again.
 */
export function toJobError(error: unknown): JobError {
  if (error instanceof JobError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new JobError('not-article', `Qari could not save this page (${message}).`, true);
}
