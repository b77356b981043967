import type { DBSchema } from 'idb';
import type { ImportEntry, ImportedContent } from '../import/import-entry';

/**
 * The save queue's records. A job is one URL to bring into the library; it lives in IndexedDB (not in the
 * worker's memory), because the browser stops an MV3 service worker whenever it likes and a 5,000-link import
 * must survive that, and a browser restart, without losing or doubling a link.
 */

export type JobStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

/** Why a job failed, in a word the library page can group by. */
export type FailureKind =
  'gone' | 'not-article' | 'needs-script' | 'timed-out' | 'blocked' | 'network' | 'too-large' | 'not-html';

export interface JobFailure {
  kind: FailureKind;
  /** Plain words for the reader ("The site answered 404: the page is gone."). */
  message: string;
}

export interface Job {
  /** articleIdFor(entry.url): one job per article, whatever form of its URL was queued. */
  id: string;
  /** The entry without its content (that sits in the `contents` store, read only when the job runs). */
  entry: Omit<ImportEntry, 'content'>;
  hasContent: boolean;
  /**
   * What the job does. Absent: fetch the entry's page and save it. 'images': the article is saved already;
   * download its images from sites the reader allowed after the save (id `images:<articleId>`).
   */
  task?: 'images';
  batchId: string;
  status: JobStatus;
  /** Attempts started so far (a job is claimed → +1). */
  attempts: number;
  /** ms since the epoch: a waiting job does not run before this (backoff). */
  nextAttemptAt: number;
  /** The URL's host: at most one running job per host. */
  host: string;
  /** The last failure; kept on a job waiting for its retry too. */
  failure: JobFailure | null;
  /** Enqueue order, for a stable first-in-first-out among jobs due at the same time. */
  seq: number;
  updatedAt: number;
}

export interface Batch {
  id: string;
  /** What the reader sees ("Pocket export", "Links", "Tabs"). */
  label: string;
  createdAt: number;
  /** Entries of this batch skipped at enqueue because they were saved or queued already (they have no job). */
  alreadySaved: number;
}

export interface QueueSchema extends DBSchema {
  jobs: {
    key: string;
    value: Job;
    indexes: {
      /** [status, nextAttemptAt, seq]: the due waiting jobs, in order, with one key range. */
      'by-due': [JobStatus, number, number];
      /** [batchId, status]: a batch's counts with IDBIndex.count, no scan. */
      'by-batch-status': [string, JobStatus];
      'by-status': JobStatus;
    };
  };
  /** The content an export carried (Omnivore, Wallabag), by job id: large, so kept out of the jobs store. */
  contents: { key: string; value: { id: string; content: ImportedContent } };
  batches: { key: string; value: Batch };
  /** Queue-wide settings: `paused`, and the enqueue sequence counter. */
  meta: { key: string; value: { key: string; value: unknown } };
}

/** Counts the library page shows for a batch, or overall. */
export interface QueueCounts {
  saved: number;
  failed: number;
  alreadySaved: number;
  /** Waiting (including waiting for a retry). */
  left: number;
  running: number;
  cancelled: number;
}
