import browser from 'webextension-polyfill';
import { emitEvent, type QueueAction, type QueueStatus } from '../src/messages';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from '../src/page-fetch/fetch-page';
import {
  cancelWaitingJobs,
  getJobContent,
  JobError,
  listFailedJobs,
  queueCounts,
  QueueRunner,
  makeImagesJobsDue,
  retryFailedJobs,
  setPaused,
  type Job,
  type JobFailure,
} from '../src/queue';
import { extractImported, extractUrl, hasHostAccess } from './extract-url';
import { fetchGrantedImages } from './fetch-granted-images';
import { closeOffscreenDocument } from './offscreen-document';
import { storeImported } from './store-imported';

/**
 * The background's side of the save queue: what a job does, when the runner wakes, and how progress is told.
 * The worker may be stopped at any moment; every wake-up below finds the queue's state in IndexedDB.
 */

const ALARM = 'qari-queue';
/** Progress events at most this often: an import of thousands must not flood the library page with messages. */
const PROGRESS_EVERY_MS = 250;

export const BLOCKED_MESSAGE =
  'Qari is not allowed to read this site: allow Qari to read sites, then retry. Saving the open page from the toolbar button still works.';

/**
 * Limits of a download. Only the e2e fault build (`vite build --mode e2e-faults`) lets a test shorten the
 * timeout through `globalThis.__qariFaults.pageTimeoutMs`; every other build has the constant (and the bundler
 * drops this branch).
 */
function fetchLimits(): FetchLimits {
  if (import.meta.env.MODE !== 'e2e-faults') return DEFAULT_FETCH_LIMITS;
  const timeoutMs = (globalThis as { __qariFaults?: { pageTimeoutMs?: number } }).__qariFaults?.pageTimeoutMs;
  return timeoutMs ? { ...DEFAULT_FETCH_LIMITS, timeoutMs } : DEFAULT_FETCH_LIMITS;
}

export const IMAGES_WAITING_MESSAGE =
  'Some images of this article are on sites Qari may not read yet: they are downloaded once you allow them.';

async function runJob(job: Job): Promise<void> {
  const { url } = job.entry;
  if (job.task === 'images') {
    const { fetched, waiting } = await fetchGrantedImages(job.id.slice('images:'.length));
    // Nothing allowed yet: try again later (and at once when access is granted: permissions.onAdded below).
    if (waiting && !fetched) throw new JobError('blocked', IMAGES_WAITING_MESSAGE, true);
    return;
  }
  const content = job.hasContent ? await getJobContent(job.id) : null;
  let article;
  if (content) article = await extractImported(url, content);
  else {
    if (!(await hasHostAccess(url))) throw new JobError('blocked', BLOCKED_MESSAGE);
    article = await extractUrl(url, fetchLimits());
  }
  await storeImported(job.entry, article);
}

/** Told about each job of a context-menu link that ended: its result shows on the toolbar button. */
const linkWatchers = new Map<string, (failure: JobFailure | null) => void>();

let progressTimer: ReturnType<typeof setTimeout> | null = null;
function progressChanged(): void {
  progressTimer ??= setTimeout(() => {
    progressTimer = null;
    void queueCounts().then((snapshot) => {
      emitEvent({ type: 'queueProgress', ...snapshot });
      const busy = snapshot.overall.left + snapshot.overall.running;
      // The count of pages still to save on the toolbar button; nothing when the queue is idle.
      void browser.action.setBadgeText({ text: busy ? String(busy) : '' }).catch(() => undefined);
    });
  }, PROGRESS_EVERY_MS);
}

let retryTimer: ReturnType<typeof setTimeout> | null = null;
function schedule(at: number | null): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  if (at === null) {
    void browser.alarms.clear(ALARM).catch(() => undefined);
    return;
  }
  // A timer while this worker lives; the alarm (every minute while jobs remain) wakes a worker that was stopped.
  retryTimer = setTimeout(() => void runner.wake(), Math.max(0, at - Date.now()));
  void browser.alarms.create(ALARM, { periodInMinutes: 1 });
}

export const runner = new QueueRunner({
  run: runJob,
  schedule,
  onChange: progressChanged,
  onSettled: (job, outcome) => linkWatchers.get(job.id)?.(outcome.status === 'done' ? null : outcome.failure),
  onIdle: () => void closeOffscreenDocument(),
});

/** Wakes the queue whenever the browser gives the worker a reason to run. Listeners at the top level (MV3). */
export function wakeQueueOnEvents(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void runner.wake();
  });
  browser.runtime.onStartup.addListener(() => void runner.wake());
  browser.runtime.onInstalled.addListener(() => void runner.wake());
  // Access granted (the popup's prompt, answered after the article was stored): its images can come now.
  browser.permissions.onAdded.addListener(() => void makeImagesJobsDue().then(() => runner.wake()));
  browser.runtime.onMessage.addListener(() => {
    void runner.wake();
    return undefined;
  });
  void runner.wake();
}

/** Calls `done` when the job with this id has finished (saved: null; failed for good or for now: the failure). */
export function watchJob(id: string, done: (failure: JobFailure | null) => void): void {
  linkWatchers.set(id, (failure) => {
    linkWatchers.delete(id);
    done(failure);
  });
}

export async function queueStatus(): Promise<QueueStatus> {
  const [snapshot, failures] = await Promise.all([queueCounts(), listFailedJobs()]);
  return { ...snapshot, failures };
}

export async function controlQueue(action: QueueAction): Promise<QueueStatus> {
  if (action === 'pause') await setPaused(true);
  if (action === 'resume') await setPaused(false);
  if (action === 'cancel') await cancelWaitingJobs();
  if (action === 'retryFailed') await retryFailedJobs();
  progressChanged();
  await runner.wake();
  return queueStatus();
}
