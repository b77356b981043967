import browser from 'webextension-polyfill';
import type { ImportEntry } from '../src/import/import-entry';
import { QariError } from '../src/qari-error';

/**
 * The library page's one door to the background's save queue (issue 12; the queue is src/queue, its
 * messages in src/messages.ts). Kept in one small module so the page and its tests do not depend on how
 * the background is reached: at merge, these bodies become `callBackground('enqueueEntries', …)` etc. and
 * `onEvent` filtered on 'queueProgress', with the same types.
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
  /** What kind of failure (network, http, not-article, …): decides the wording. */
  kind: string;
  /** Plain words, ready to show. */
  message: string;
}

export interface QueueStatus {
  counts: QueueCounts;
  failures: QueueFailure[];
  paused: boolean;
}

export type QueueAction = 'pause' | 'resume' | 'cancel' | 'retryFailed';

/** The message envelope of src/messages.ts (callBackground), written out until the methods are in its table. */
async function call<T>(method: string, args: unknown): Promise<T> {
  const reply = (await browser.runtime.sendMessage({ qari: 'v1', to: 'background', method, args })) as
    { value: T } | { error: { message: string; code: string } } | undefined;
  // A background without the queue does not answer the method at all.
  if (!reply) throw new QariError('The save queue did not answer.', 'internal');
  if ('error' in reply) throw new QariError(reply.error.message, 'internal');
  return reply.value;
}

export function enqueueEntries(
  entries: ImportEntry[],
  batchLabel: string,
): Promise<{ batchId: string; queued: number; alreadySaved: number }> {
  return call('enqueueEntries', { entries, batchLabel });
}

export function queueStatus(): Promise<QueueStatus> {
  return call('queueStatus', {});
}

export function queueControl(action: QueueAction): Promise<unknown> {
  return call('queueControl', { action });
}

/** Progress pushed by the background while the queue runs; returns the unsubscribe. */
export function onQueueProgress(listener: (counts: QueueCounts) => void): () => void {
  const wrapped = (message: unknown, sender: { url?: string; tab?: unknown }) => {
    const m = message as { qari?: string; to?: string; method?: string; args?: QueueCounts } | null;
    // Only the service worker sends events (src/messages.ts onEvent checks the same with callerOf).
    if (m?.qari === 'v1' && m.to === 'event' && m.method === 'queueProgress' && m.args && !sender.tab) listener(m.args);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
