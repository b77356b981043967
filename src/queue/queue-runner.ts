import { toJobError } from './job-error';
import { claimDueJobs, finishJob, isPaused, nextDueAt, recoverRunningJobs, type JobOutcome } from './queue-store';
import type { Job } from './schema';

export interface RunnerOptions {
  /** Runs one job: resolves when its article is in the library, throws (a JobError) when it is not. */
  run(job: Job): Promise<void>;
  dbName?: string;
  /** Default Date.now (tests pass a fake clock). */
  now?: () => number;
  /**
   * Jobs at once. Default 3: enough to hide one slow site behind two others, few enough that an import of
   * thousands neither floods the reader's connection nor holds many parsed pages in memory at once.
   */
  concurrency?: number;
  /** Waits before the 2nd, 3rd… attempt of a job that may pass on its own. Default 30 s, 2 min, 10 min. */
  backoffMs?: readonly number[];
  /** Attempts before a retryable failure is final. Default 3. */
  maxAttempts?: number;
  /** Told when the next waiting job is due (a timer or an alarm should wake the runner then), or null: none waits. */
  schedule?: (at: number | null) => void;
  /** Told after every change of a job's state (the background throttles it into a progress event). */
  onChange?: () => void;
  /** Told how each job ended (after it is recorded). */
  onSettled?: (job: Job, outcome: JobOutcome) => void;
  /** Told when nothing runs and nothing waits (the offscreen document can go). */
  onIdle?: () => void;
}

export const DEFAULT_BACKOFF_MS = [30_000, 120_000, 600_000] as const;

/**
 * Runs the queue: the state is all in IndexedDB (queue-store.ts), this object only holds what runs in this
 * worker right now. One runner per worker lifetime; its first wake-up puts back the jobs a dead worker left
 * running. Rules: at most `concurrency` jobs, at most one per host (a site is asked for one page at a time, as a
 * reader clicking through would), retry with backoff only where the failure says it may pass.
 */
export class QueueRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly busyHosts = new Set<string>();
  private pumping: Promise<void> | null = null;
  private again = false;
  private recovered: Promise<unknown> | null = null;
  private readonly opts: Required<Omit<RunnerOptions, 'dbName'>> & { dbName?: string };

  constructor(options: RunnerOptions) {
    this.opts = {
      now: Date.now,
      concurrency: 3,
      backoffMs: DEFAULT_BACKOFF_MS,
      maxAttempts: 3,
      schedule: () => undefined,
      onChange: () => undefined,
      onIdle: () => undefined,
      onSettled: () => undefined,
      ...options,
    };
  }

  /** Looks for due jobs and starts them. Cheap to call often: calls during a pass make it look once more. */
  wake(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = this.pump().finally(() => (this.pumping = null));
    return this.pumping;
  }

  /** Resolves when nothing runs and no pass is under way (tests; a bench waits on events instead). */
  async settled(): Promise<void> {
    while (this.pumping || this.running.size) {
      await Promise.allSettled([this.pumping, ...this.running.values()]);
    }
  }

  get runningCount(): number {
    return this.running.size;
  }

  private async pump(): Promise<void> {
    const { dbName } = this.opts;
    this.recovered ??= recoverRunningJobs({ dbName, now: this.opts.now() });
    await this.recovered;
    do {
      this.again = false;
      if (await isPaused({ dbName })) break;
      const free = this.opts.concurrency - this.running.size;
      const jobs = await claimDueJobs(free, this.busyHosts, { dbName, now: this.opts.now() });
      for (const job of jobs) this.start(job);
      if (jobs.length) this.opts.onChange();
    } while (this.again);
    if (!this.running.size) {
      const due = (await isPaused({ dbName })) ? null : await nextDueAt({ dbName });
      this.opts.schedule(due);
      if (due === null) this.opts.onIdle();
    }
  }

  private start(job: Job): void {
    this.busyHosts.add(job.host);
    const run = Promise.resolve()
      .then(() => this.opts.run(job))
      .then(
        (): JobOutcome => ({ status: 'done' }),
        (error: unknown): JobOutcome => {
          const failure = toJobError(error);
          if (failure.retry && job.attempts < this.opts.maxAttempts) {
            const { backoffMs } = this.opts;
            const wait = backoffMs[Math.min(job.attempts - 1, backoffMs.length - 1)] ?? 0;
            return { status: 'waiting', failure: failure.failure, nextAttemptAt: this.opts.now() + wait };
          }
          return { status: 'failed', failure: failure.failure };
        },
      )
      .then(async (outcome) => {
        await finishJob(job.id, outcome, { dbName: this.opts.dbName, now: this.opts.now() });
        this.opts.onSettled(job, outcome);
      })
      .catch(() => undefined) // the queue database failed: the job stays running and is recovered next start
      .finally(() => {
        this.running.delete(job.id);
        this.busyHosts.delete(job.host);
        this.opts.onChange();
        void this.wake();
      });
    this.running.set(job.id, run);
  }
}
