import type { ImportEntry } from '../src/import/import-entry';
import { callBackground, onEvent, type QueueAction } from '../src/messages';
import type { EnqueueResult } from '../src/queue';

export type { QueueAction };

/**
 * The library page's one door to the background's save queue (src/queue; its messages in src/messages.ts), in
 * the shape the page shows: the overall counts, with the jobs running now counted as left (they are not done).
 */

export interface QueueCounts {
  saved: number;
  failed: number;
  alreadySaved: number;
  left: number;
  running: number;
}

export interface QueueFailure {
  id: string;
  url: string;
  title?: string;
  /** What kind of failure (gone, needs-script, timed-out, …). */
  kind: string;
  /** Plain words, ready to show. */
  message: string;
}

export interface QueueStatus {
  counts: QueueCounts;
  failures: QueueFailure[];
  paused: boolean;
}

function shown(overall: QueueCounts): QueueCounts {
  const { saved, failed, alreadySaved, left, running } = overall;
  return { saved, failed, alreadySaved, left: left + running, running };
}

export function enqueueEntries(entries: ImportEntry[], batchLabel: string): Promise<EnqueueResult> {
  return callBackground('enqueueEntries', { entries, batchLabel });
}

export async function queueStatus(): Promise<QueueStatus> {
  const status = await callBackground('queueStatus', {});
  return {
    counts: shown(status.overall),
    paused: status.paused,
    failures: status.failures.map(({ id, url, title, kind, message }) => ({
      id,
      url,
      ...(title ? { title } : {}),
      kind,
      message,
    })),
  };
}

export function queueControl(action: QueueAction): Promise<unknown> {
  return callBackground('queueControl', { action });
}

/** Progress pushed by the background while the queue runs; returns the unsubscribe. */
export function onQueueProgress(listener: (counts: QueueCounts) => void): () => void {
  return onEvent((event) => {
    if (event.type === 'queueProgress') listener(shown(event.overall));
  });
}
