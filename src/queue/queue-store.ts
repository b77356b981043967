import { findArticleByUrl } from '../library/get-article';
import { articleIdFor } from '../library/article-id-for';
import type { ImportEntry, ImportedContent } from '../import/import-entry';
import { openQueue } from './open-queue';
import type { Batch, Job, JobFailure, JobStatus, QueueCounts } from './schema';

/**
 * The queue's records: every change is one IndexedDB transaction, so a worker stopped at any point leaves each
 * job in exactly one state. Every function takes `dbName` (tests; default 'qari-queue').
 */

export interface QueueOptions {
  dbName?: string;
  /** ms since the epoch; default Date.now(). */
  now?: number;
}

export interface EnqueueOptions extends QueueOptions {
  /** Whether the library has the article already (default: findArticleByUrl, soft-deleted ones not counted). */
  isSaved?: (url: string) => Promise<boolean>;
}

export interface EnqueueResult {
  batchId: string;
  queued: number;
  alreadySaved: number;
}

const savedInLibrary = async (url: string) => {
  const saved = await findArticleByUrl(url).catch(() => null);
  return !!saved && !saved.deletedAt;
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A job that holds its URL: any status but these. */
const holds = (status: JobStatus) => status !== 'failed' && status !== 'cancelled';

/**
 * Queues entries as one batch. An entry whose article is in the library, or queued already (waiting, running or
 * done), gets no job and counts as already saved; a failed or cancelled job of the same article is queued afresh.
 */
export async function enqueueEntries(
  entries: readonly ImportEntry[],
  label: string,
  opts: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const now = opts.now ?? Date.now();
  const isSaved = opts.isSaved ?? savedInLibrary;
  const batchId = crypto.randomUUID();
  // The library is another database: asked first, a few at a time, outside the queue's transaction.
  const saved = new Array<boolean>(entries.length).fill(false);
  let next = 0;
  const ask = async () => {
    for (let i = next++; i < entries.length; i = next++) saved[i] = await isSaved(entries[i]!.url);
  };
  await Promise.all(Array.from({ length: Math.min(8, entries.length) }, ask));

  const db = await openQueue(opts.dbName);
  const tx = db.transaction(['jobs', 'contents', 'batches', 'meta'], 'readwrite');
  const jobs = tx.objectStore('jobs');
  let seq = ((await tx.objectStore('meta').get('seq'))?.value as number | undefined) ?? 0;
  const seen = new Set<string>();
  let queued = 0;
  let alreadySaved = 0;
  for (const [index, full] of entries.entries()) {
    const id = articleIdFor(full.url);
    const existing = seen.has(id) ? null : await jobs.get(id);
    if (seen.has(id) || saved[index] || (existing && holds(existing.status))) {
      alreadySaved++;
      continue;
    }
    seen.add(id);
    const { content, ...entry } = full;
    const job: Job = {
      id,
      entry,
      hasContent: !!content,
      batchId,
      status: 'waiting',
      attempts: 0,
      nextAttemptAt: now,
      host: hostOf(full.url),
      failure: null,
      seq: ++seq,
      updatedAt: now,
    };
    void jobs.put(job);
    if (content) void tx.objectStore('contents').put({ id, content });
    else if (existing?.hasContent) void tx.objectStore('contents').delete(id);
    queued++;
  }
  void tx.objectStore('meta').put({ key: 'seq', value: seq });
  const batch: Batch = { id: batchId, label, createdAt: now, alreadySaved };
  void tx.objectStore('batches').put(batch);
  await tx.done;
  return { batchId, queued, alreadySaved };
}

/** The label of the batch every images follow-up job belongs to. */
const IMAGES_BATCH = 'images';

/**
 * Queues the images follow-up of a saved article (popup save: the image sites were asked for while the article was
 * stored). One per article: queued again, it waits afresh.
 */
export async function enqueueImagesJob(articleId: string, url: string, opts: QueueOptions = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  const db = await openQueue(opts.dbName);
  const tx = db.transaction(['jobs', 'batches', 'meta'], 'readwrite');
  const seq = (((await tx.objectStore('meta').get('seq'))?.value as number | undefined) ?? 0) + 1;
  void tx.objectStore('meta').put({ key: 'seq', value: seq });
  if (!(await tx.objectStore('batches').get(IMAGES_BATCH)))
    void tx.objectStore('batches').put({ id: IMAGES_BATCH, label: 'Images', createdAt: now, alreadySaved: 0 });
  void tx.objectStore('jobs').put({
    id: `images:${articleId}`,
    entry: { url, source: 'tab', tags: [], state: 'unread' },
    hasContent: false,
    task: 'images',
    batchId: IMAGES_BATCH,
    status: 'waiting',
    attempts: 0,
    nextAttemptAt: now,
    host: hostOf(url),
    failure: null,
    seq,
    updatedAt: now,
  });
  await tx.done;
}

/** Access to more sites was granted: images follow-ups waiting for a retry, or failed for it, are due now. */
export async function makeImagesJobsDue(opts: QueueOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  const due = (job: Job): Job =>
    job.task === 'images' ? { ...job, status: 'waiting', attempts: 0, nextAttemptAt: now, updatedAt: now } : job;
  return (await rewrite('waiting', due, opts)) + (await rewrite('failed', due, opts));
}

/** How far the claim looks for a host that is free (thousands of waiting jobs of one site must not cost a scan). */
const CLAIM_SCAN = 500;

/**
 * Takes up to `limit` due waiting jobs, at most one per host and none of `busyHosts`, and marks them running
 * (attempts + 1) in the same transaction: two wake-ups can never take the same job.
 */
export async function claimDueJobs(
  limit: number,
  busyHosts: ReadonlySet<string>,
  opts: QueueOptions = {},
): Promise<Job[]> {
  if (limit <= 0) return [];
  const now = opts.now ?? Date.now();
  const db = await openQueue(opts.dbName);
  const tx = db.transaction('jobs', 'readwrite');
  const range = IDBKeyRange.bound(['waiting', -Infinity, -Infinity], ['waiting', now, Infinity]);
  const claimed: Job[] = [];
  const hosts = new Set(busyHosts);
  let scanned = 0;
  for (
    let cursor = await tx.store.index('by-due').openCursor(range);
    cursor && claimed.length < limit && scanned < CLAIM_SCAN;
    cursor = await cursor.continue(), scanned++
  ) {
    const job = cursor.value;
    if (hosts.has(job.host)) continue;
    hosts.add(job.host);
    const running: Job = { ...job, status: 'running', attempts: job.attempts + 1, updatedAt: now };
    void cursor.update(running);
    claimed.push(running);
  }
  await tx.done;
  return claimed;
}

export type JobOutcome =
  | { status: 'done' }
  | { status: 'failed'; failure: JobFailure }
  | { status: 'waiting'; failure: JobFailure; nextAttemptAt: number };

/** Records how a running job ended (nothing happens if it is no longer running, e.g. retried meanwhile). */
export async function finishJob(id: string, outcome: JobOutcome, opts: QueueOptions = {}): Promise<void> {
  const now = opts.now ?? Date.now();
  const db = await openQueue(opts.dbName);
  const tx = db.transaction(['jobs', 'contents'], 'readwrite');
  const job = await tx.objectStore('jobs').get(id);
  if (job?.status === 'running') {
    const failure = outcome.status === 'done' ? null : outcome.failure;
    const nextAttemptAt = outcome.status === 'waiting' ? outcome.nextAttemptAt : job.nextAttemptAt;
    void tx.objectStore('jobs').put({ ...job, status: outcome.status, failure, nextAttemptAt, updatedAt: now });
    // Saved: the imported content is in the library now, the copy here is dead weight.
    if (outcome.status === 'done' && job.hasContent) void tx.objectStore('contents').delete(id);
  }
  await tx.done;
}

/** Rewrites every job of one status (one transaction). */
async function rewrite(from: JobStatus, change: (job: Job) => Job, opts: QueueOptions): Promise<number> {
  const db = await openQueue(opts.dbName);
  const tx = db.transaction('jobs', 'readwrite');
  let n = 0;
  for (let c = await tx.store.index('by-status').openCursor(from); c; c = await c.continue()) {
    const next = change(c.value);
    if (next === c.value) continue; // unchanged: not rewritten
    void c.update(next);
    n++;
  }
  await tx.done;
  return n;
}

/**
 * At the worker's start: a job still marked running was being worked on by a worker that is gone (stopped, or the
 * browser closed). It waits again, its attempt counted.
 */
export function recoverRunningJobs(opts: QueueOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  return rewrite('running', (job) => ({ ...job, status: 'waiting', updatedAt: now }), opts);
}

/** Cancel: every waiting job is cancelled (running ones finish). */
export function cancelWaitingJobs(opts: QueueOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  return rewrite('waiting', (job) => ({ ...job, status: 'cancelled', updatedAt: now }), opts);
}

/** Retry failed: every failed job waits again, now, with its attempts reset. */
export function retryFailedJobs(opts: QueueOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  return rewrite(
    'failed',
    (job) => ({ ...job, status: 'waiting', attempts: 0, nextAttemptAt: now, updatedAt: now }),
    opts,
  );
}

export async function setPaused(paused: boolean, opts: QueueOptions = {}): Promise<void> {
  const db = await openQueue(opts.dbName);
  await db.put('meta', { key: 'paused', value: paused });
}

export async function isPaused(opts: QueueOptions = {}): Promise<boolean> {
  const db = await openQueue(opts.dbName);
  return (await db.get('meta', 'paused'))?.value === true;
}

export async function getJob(id: string, opts: QueueOptions = {}): Promise<Job | null> {
  return (await (await openQueue(opts.dbName)).get('jobs', id)) ?? null;
}

export async function getJobContent(id: string, opts: QueueOptions = {}): Promise<ImportedContent | null> {
  return (await (await openQueue(opts.dbName)).get('contents', id))?.content ?? null;
}

/** When the earliest waiting job is due (ms), or null when none waits. */
export async function nextDueAt(opts: QueueOptions = {}): Promise<number | null> {
  const db = await openQueue(opts.dbName);
  const range = IDBKeyRange.bound(['waiting', -Infinity, -Infinity], ['waiting', Infinity, Infinity]);
  const first = await db.transaction('jobs').store.index('by-due').openCursor(range);
  return first ? first.value.nextAttemptAt : null;
}

const STATUSES: JobStatus[] = ['waiting', 'running', 'done', 'failed', 'cancelled'];

function toCounts(by: Record<JobStatus, number>, alreadySaved: number): QueueCounts {
  return {
    saved: by.done,
    failed: by.failed,
    alreadySaved,
    left: by.waiting,
    running: by.running,
    cancelled: by.cancelled,
  };
}

export interface QueueSnapshot {
  overall: QueueCounts;
  batches: (QueueCounts & { batchId: string; label: string; createdAt: number })[];
  paused: boolean;
}

/** Counts per batch and overall, from index counts (no scan of the jobs). */
export async function queueCounts(opts: QueueOptions = {}): Promise<QueueSnapshot> {
  const db = await openQueue(opts.dbName);
  const tx = db.transaction(['jobs', 'batches', 'meta']);
  const index = tx.objectStore('jobs').index('by-batch-status');
  const batches = await tx.objectStore('batches').getAll();
  const overallBy = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  let overallAlready = 0;
  const perBatch: QueueSnapshot['batches'] = [];
  for (const batch of batches) {
    const by = {} as Record<JobStatus, number>;
    for (const status of STATUSES) {
      by[status] = await index.count([batch.id, status]);
      overallBy[status] += by[status];
    }
    overallAlready += batch.alreadySaved;
    perBatch.push({
      batchId: batch.id,
      label: batch.label,
      createdAt: batch.createdAt,
      ...toCounts(by, batch.alreadySaved),
    });
  }
  const paused = (await tx.objectStore('meta').get('paused'))?.value === true;
  await tx.done;
  return { overall: toCounts(overallBy, overallAlready), batches: perBatch, paused };
}

export interface FailedJob {
  id: string;
  url: string;
  title: string | null;
  kind: JobFailure['kind'];
  message: string;
  batchId: string;
}

/** The failed jobs (up to `limit`), for the library page's list. */
export async function listFailedJobs(limit = 500, opts: QueueOptions = {}): Promise<FailedJob[]> {
  const db = await openQueue(opts.dbName);
  const failed = await db.getAllFromIndex('jobs', 'by-status', 'failed', limit);
  return failed.map((job) => ({
    id: job.id,
    url: job.entry.url,
    title: job.entry.title ?? null,
    kind: job.failure?.kind ?? 'network',
    message: job.failure?.message ?? '',
    batchId: job.batchId,
  }));
}
