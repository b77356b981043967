/**
 * The save queue: URLs to bring into the library without a tab (imports, "Save link to Qari", tabs that could not
 * be read live), durable in IndexedDB ('qari-queue'), run a few at a time by the background.
 */
export { JobError, NEEDS_SCRIPT_MESSAGE, failureForFetchError, failureForStatus, toJobError } from './job-error';
export { DEFAULT_QUEUE_NAME, QUEUE_VERSION, deleteQueue, openQueue } from './open-queue';
export {
  cancelWaitingJobs,
  claimDueJobs,
  enqueueEntries,
  enqueueImagesJob,
  makeImagesJobsDue,
  finishJob,
  getJob,
  getJobContent,
  isPaused,
  listFailedJobs,
  nextDueAt,
  queueCounts,
  recoverRunningJobs,
  retryFailedJobs,
  setPaused,
  type EnqueueResult,
  type FailedJob,
  type QueueSnapshot,
} from './queue-store';
export { DEFAULT_BACKOFF_MS, QueueRunner, type RunnerOptions } from './queue-runner';
export type { Batch, FailureKind, Job, JobFailure, JobStatus, QueueCounts } from './schema';
