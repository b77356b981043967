import type { ImportEntry } from '../src/import/import-entry';
import { CONTENT_HTML_MAX, ENTRIES_MAX } from '../src/message-policy';
import { callBackground, onEvent, type QueueAction, type QueueStatus } from '../src/messages';
import type { QueueSnapshot } from '../src/queue';

export type { QueueAction, QueueStatus, QueueSnapshot };

/**
 * The library page's one door to the background's save queue (src/queue, background/queue-service.ts): the
 * page's components and their tests depend on these four functions, not on how the background is reached.
 */

/** Characters of content HTML per message: well under the browser's 64 MB message limit (UTF-16, JSON). */
const MESSAGE_HTML_BUDGET = 16_000_000;

/** Entries split into messages the background accepts: at most ENTRIES_MAX each, and a bounded amount of HTML. */
export function enqueueChunks(entries: ImportEntry[]): ImportEntry[][] {
  const chunks: ImportEntry[][] = [];
  let chunk: ImportEntry[] = [];
  let html = 0;
  for (const entry of entries) {
    // Content above the background's cap would refuse the whole message: that entry is fetched instead.
    const fitted =
      entry.content && entry.content.html.length > CONTENT_HTML_MAX ? { ...entry, content: undefined } : entry;
    const size = fitted.content?.html.length ?? 0;
    if (chunk.length && (chunk.length >= ENTRIES_MAX || html + size > MESSAGE_HTML_BUDGET)) {
      chunks.push(chunk);
      chunk = [];
      html = 0;
    }
    if (!fitted.content) delete fitted.content;
    chunk.push(fitted);
    html += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/** Queues a file's entries, in as many messages as it takes; one batch per message, all with this label. */
export async function enqueueEntries(
  entries: ImportEntry[],
  batchLabel: string,
): Promise<{ queued: number; alreadySaved: number }> {
  let queued = 0;
  let alreadySaved = 0;
  for (const chunk of enqueueChunks(entries)) {
    const result = await callBackground('enqueueEntries', { entries: chunk, batchLabel: batchLabel.slice(0, 200) });
    queued += result.queued;
    alreadySaved += result.alreadySaved;
  }
  return { queued, alreadySaved };
}

export function queueStatus(): Promise<QueueStatus> {
  return callBackground('queueStatus', {});
}

export function queueControl(action: QueueAction): Promise<QueueStatus> {
  return callBackground('queueControl', { action });
}

/** Progress pushed by the background while the queue runs (throttled there); returns the unsubscribe. */
export function onQueueProgress(listener: (snapshot: QueueSnapshot) => void): () => void {
  return onEvent((event) => {
    if (event.type === 'queueProgress') listener(event);
  });
}
