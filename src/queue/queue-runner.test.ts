// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportEntry } from '../import/import-entry';
import { JobError } from './job-error';
import { deleteQueue } from './open-queue';
import { QueueRunner, type RunnerOptions } from './queue-runner';
import {
  cancelWaitingJobs,
  claimDueJobs,
  enqueueEntries,
  enqueueImagesJob,
  getJob,
  makeImagesJobsDue,
  getJobContent,
  listFailedJobs,
  queueCounts,
  retryFailedJobs,
  setPaused,
} from './queue-store';
import type { Job } from './schema';
import { articleIdFor } from '../library/article-id-for';

let n = 0;
let dbName = '';
const fresh = () => (dbName = `queue-test-${++n}`);
afterEach(() => deleteQueue(dbName));

const entry = (url: string, extra: Partial<ImportEntry> = {}): ImportEntry => ({
  url,
  source: 'link',
  tags: [],
  state: 'unread',
  ...extra,
});
const notSaved = async () => false;

/** A fake clock, and a fetcher whose jobs the test finishes one by one. */
function harness(extra: Partial<RunnerOptions> = {}) {
  let clock = Date.now() + 1000;
  const pending = new Map<string, { resolve: () => void; reject: (e: unknown) => void; job: Job }>();
  const started: string[] = [];
  let maxRunning = 0;
  const scheduled: (number | null)[] = [];
  const runner = new QueueRunner({
    dbName,
    now: () => clock,
    schedule: (at) => scheduled.push(at),
    run: (job) =>
      new Promise<void>((resolve, reject) => {
        started.push(job.entry.url);
        pending.set(job.entry.url, { resolve, reject, job });
        maxRunning = Math.max(maxRunning, pending.size);
      }).finally(() => pending.delete(job.entry.url)),
    ...extra,
  });
  /** Lets IndexedDB and the runner's promise chains go round until nothing new starts. */
  const idle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return {
    runner,
    pending,
    started,
    scheduled,
    get maxRunning() {
      return maxRunning;
    },
    advance: (ms: number) => (clock += ms),
    get now() {
      return clock;
    },
    idle,
    async finish(url: string, error?: unknown) {
      const p = pending.get(url);
      if (!p) throw new Error(`${url} is not running`);
      if (error) p.reject(error);
      else p.resolve();
      await idle();
    },
  };
}

describe('enqueue', () => {
  it('never duplicates: a URL queued, done or in the library counts as already saved', async () => {
    fresh();
    const first = await enqueueEntries(
      [entry('https://a.example/1'), entry('https://a.example/1#comments'), entry('https://a.example/2?utm_source=x')],
      'Links',
      { dbName, isSaved: notSaved },
    );
    expect(first).toMatchObject({ queued: 2, alreadySaved: 1 });
    const second = await enqueueEntries(
      [entry('https://a.example/2'), entry('https://b.example/saved'), entry('https://c.example/new')],
      'More',
      { dbName, isSaved: async (url) => url.includes('saved') },
    );
    expect(second).toMatchObject({ queued: 1, alreadySaved: 2 });
    const counts = await queueCounts({ dbName });
    expect(counts.overall).toMatchObject({ left: 3, alreadySaved: 3, saved: 0 });
    expect(counts.batches.map((b) => [b.label, b.left, b.alreadySaved])).toEqual(
      expect.arrayContaining([
        ['Links', 2, 1],
        ['More', 1, 2],
      ]),
    );
  });

  it('keeps imported content apart from the job and queues a failed URL again', async () => {
    fresh();
    const url = 'https://a.example/with-content';
    await enqueueEntries([entry(url, { content: { html: '<p>Hi</p>' } })], 'Omnivore', { dbName, isSaved: notSaved });
    const job = await getJob(articleIdFor(url), { dbName });
    expect(job).toMatchObject({ hasContent: true, status: 'waiting', host: 'a.example' });
    expect(job!.entry).not.toHaveProperty('content');
    expect(await getJobContent(job!.id, { dbName })).toEqual({ html: '<p>Hi</p>' });
    await cancelWaitingJobs({ dbName });
    expect(await enqueueEntries([entry(url)], 'Again', { dbName, isSaved: notSaved })).toMatchObject({ queued: 1 });
  });
});

describe('runner', () => {
  it('runs at most 3 at once and one per host', async () => {
    fresh();
    const urls = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e'].map((h, i) => `https://${h}.example/${i}`);
    await enqueueEntries(
      urls.map((u) => entry(u)),
      'Links',
      { dbName, isSaved: notSaved },
    );
    const h = harness();
    await h.runner.wake();
    await h.idle();
    expect(h.started).toEqual(['https://a.example/0', 'https://b.example/3', 'https://c.example/5']);
    await h.finish('https://a.example/0');
    // a is free again: its next job goes first (queue order), not d.
    expect(h.started.at(-1)).toBe('https://a.example/1');
    while (h.pending.size) await h.finish([...h.pending.keys()][0]!);
    await h.runner.settled();
    expect(h.started).toHaveLength(8);
    expect(new Set(h.started).size).toBe(8);
    expect(h.maxRunning).toBe(3);
    expect((await queueCounts({ dbName })).overall).toMatchObject({ saved: 8, left: 0, running: 0 });
    expect(h.scheduled.at(-1)).toBeNull();
  });

  it('retries an unexpected error (the browser closing mid-job), never loses the page to it', async () => {
    fresh();
    await enqueueEntries([entry('https://a.example/closing')], 'Links', { dbName, isSaved: notSaved });
    const h = harness();
    await h.runner.wake();
    await h.idle();
    // What a job meets when the offscreen document or the database goes away under it.
    await h.finish(
      'https://a.example/closing',
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await getJob(articleIdFor('https://a.example/closing'), { dbName })).toMatchObject({
      status: 'waiting',
      attempts: 1,
      nextAttemptAt: h.now + 30_000,
    });
    h.advance(30_000);
    await h.runner.wake();
    await h.idle();
    await h.finish('https://a.example/closing');
    expect(await getJob(articleIdFor('https://a.example/closing'), { dbName })).toMatchObject({ status: 'done' });
  });

  it('retries network failures with backoff, up to 3 attempts, and never a 404', async () => {
    fresh();
    await enqueueEntries([entry('https://slow.example/x'), entry('https://gone.example/y')], 'Links', {
      dbName,
      isSaved: notSaved,
    });
    const h = harness();
    await h.runner.wake();
    await h.idle();
    await h.finish('https://slow.example/x', new JobError('timed-out', 'too slow', true));
    await h.finish('https://gone.example/y', new JobError('gone', 'The site answered 404.'));
    const id = articleIdFor('https://slow.example/x');
    expect(await getJob(id, { dbName })).toMatchObject({
      status: 'waiting',
      attempts: 1,
      nextAttemptAt: h.now + 30_000,
      failure: { kind: 'timed-out' },
    });
    expect(h.scheduled.at(-1)).toBe(h.now + 30_000);
    // Not due yet: a wake-up starts nothing.
    await h.runner.wake();
    await h.idle();
    expect(h.pending.size).toBe(0);
    h.advance(30_000);
    await h.runner.wake();
    await h.idle();
    await h.finish('https://slow.example/x', new JobError('network', 'offline', true));
    expect(await getJob(id, { dbName })).toMatchObject({ attempts: 2, nextAttemptAt: h.now + 120_000 });
    h.advance(120_000);
    await h.runner.wake();
    await h.idle();
    await h.finish('https://slow.example/x', new JobError('network', 'offline', true));
    expect(await getJob(id, { dbName })).toMatchObject({ status: 'failed', attempts: 3 });
    expect(h.started.filter((u) => u.includes('gone'))).toHaveLength(1);
    const failures = await listFailedJobs(10, { dbName });
    expect(failures.map((f) => f.kind).sort()).toEqual(['gone', 'network']);
    // Retry failed: both wait again, now, with fresh attempts.
    expect(await retryFailedJobs({ dbName, now: h.now })).toBe(2);
    await h.runner.wake();
    await h.idle();
    expect(h.pending.size).toBe(2);
    expect((await getJob(id, { dbName }))!.attempts).toBe(1);
  });

  it('resumes after a crash: jobs left running wait again, nothing is lost or doubled', async () => {
    fresh();
    const urls = ['a', 'b', 'c', 'd'].map((h) => `https://${h}.example/`);
    await enqueueEntries(
      urls.map((u) => entry(u)),
      'Links',
      { dbName, isSaved: notSaved },
    );
    const dead = harness();
    await dead.runner.wake();
    await dead.idle();
    await dead.finish('https://a.example/');
    expect(dead.pending.size).toBe(3); // b, c, d running when the worker "dies": its promises never settle
    const counts = await queueCounts({ dbName });
    expect(counts.overall).toMatchObject({ saved: 1, running: 3, left: 0 });
    // A new worker: a new runner over the same database.
    const next = harness();
    await next.runner.wake();
    await next.idle();
    expect(next.started.sort()).toEqual(urls.slice(1));
    for (const url of urls.slice(1)) await next.finish(url);
    await next.runner.settled();
    expect((await queueCounts({ dbName })).overall).toMatchObject({ saved: 4, running: 0, left: 0, failed: 0 });
  });

  it('pause stops new starts, resume goes on, cancel cancels what waits', async () => {
    fresh();
    const urls = ['a', 'b', 'c', 'd', 'e'].map((h) => `https://${h}.example/`);
    await enqueueEntries(
      urls.map((u) => entry(u)),
      'Links',
      { dbName, isSaved: notSaved },
    );
    const h = harness({ concurrency: 1 });
    await h.runner.wake();
    await h.idle();
    await setPaused(true, { dbName });
    await h.finish('https://a.example/');
    expect(h.pending.size).toBe(0);
    expect((await queueCounts({ dbName })).paused).toBe(true);
    await setPaused(false, { dbName });
    await h.runner.wake();
    await h.idle();
    expect(h.started).toEqual(['https://a.example/', 'https://b.example/']);
    expect(await cancelWaitingJobs({ dbName })).toBe(3);
    await h.finish('https://b.example/');
    await h.runner.settled();
    expect(h.started).toHaveLength(2);
    expect((await queueCounts({ dbName })).overall).toMatchObject({ saved: 2, cancelled: 3, left: 0 });
  });

  it('two wake-ups at once never take the same job', async () => {
    fresh();
    await enqueueEntries([entry('https://a.example/1'), entry('https://b.example/2')], 'Links', {
      dbName,
      isSaved: notSaved,
    });
    const claims = await Promise.all([
      claimDueJobs(3, new Set(), { dbName, now: Date.now() }),
      claimDueJobs(3, new Set(), { dbName, now: Date.now() }),
    ]);
    expect(
      claims
        .flat()
        .map((j) => j.entry.url)
        .sort(),
    ).toEqual(['https://a.example/1', 'https://b.example/2']);
  });
});

describe('images follow-up jobs', () => {
  it('wait with backoff while access is missing, and become due at once when access is granted', async () => {
    fresh();
    await enqueueEntries([entry('https://a.example/page')], 'Links', { dbName, isSaved: notSaved });
    await enqueueImagesJob('abc', 'https://news.example/story', { dbName });
    const h = harness();
    await h.runner.wake();
    await h.idle();
    await h.finish('https://news.example/story', new JobError('blocked', 'waiting for access', true));
    const id = 'images:abc';
    expect(await getJob(id, { dbName })).toMatchObject({ task: 'images', status: 'waiting', attempts: 1 });
    expect((await getJob(id, { dbName }))!.nextAttemptAt).toBe(h.now + 30_000);
    // Access granted: due now, attempts afresh; the page job (done or not) is left alone.
    await makeImagesJobsDue({ dbName, now: h.now });
    expect(await getJob(id, { dbName })).toMatchObject({ status: 'waiting', attempts: 0, nextAttemptAt: h.now });
    await h.runner.wake();
    await h.idle();
    expect(h.started.filter((u) => u === 'https://news.example/story')).toHaveLength(2);
  });
});
