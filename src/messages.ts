import browser, { type Runtime } from 'webextension-polyfill';
import type { Article, Direction } from './article';
import type { SavedArticleSummary } from './library/schema';
import type { BlockRule } from './site-rules/block-rule';
import { QariError, type ErrorCode } from './qari-error';

export { QariError, type ErrorCode };

/**
 * The one message protocol between Qari's surfaces. Each side declares the methods it answers as a map of
 * name → (args) → result; callers get typed `callBackground` / `callTab`. Errors thrown by a handler travel
 * back as `{ error }` and are re-thrown at the caller as `QariError`, with a code the UI turns into words.
 */

/** What the popup needs to show for a tab before anything is opened. */
export interface TabInspection {
  tabId: number;
  /** The page's address (per-site settings are keyed by its host). */
  url: string;
  /** Origin patterns ("https://cdn.example/*") of the article's images: saving them needs host access. */
  imageOrigins: string[];
  title: string | null;
  readingTimeMinutes: number | null;
  lang: string | null;
  dir: Direction | null;
  isArticle: boolean;
  /** Plain-language reason the reader cannot open, when it cannot. */
  reason: string | null;
  /** One line when the reader opens but Qari is unsure it found the page's main text (Article.notice). */
  notice: string | null;
  readerOpen: boolean;
}

/** Answered by the background service worker. */
export interface BackgroundMethods {
  inspectTab(args: { tabId: number }): TabInspection;
  setReaderOpen(args: { tabId: number; open: boolean }): { open: boolean };
  /** From the reader page: the live article of the tab it is shown in. */
  getLiveArticle(args: { tabId: number }): Article;
  /** From the reader page (Escape, the close button). */
  closeReader(args: { tabId: number }): { open: boolean };
  /** Save the tab's article with its images in the library (progress comes as `saveProgress` events). */
  saveArticle(args: { tabId: number }): SavedArticleSummary;
  /** From the reader page ("Remove this block"): a rule that finds this block on the site's pages. */
  describeBlock(args: { tabId: number; text: string }): { rule: BlockRule | null };
}

/** Notifications from the background to whichever extension page listens (no answer expected). */
export type QariEvent = { type: 'saveProgress'; tabId: number; done: number; total: number };

/** Answered by the content script in a tab. */
export interface ContentMethods {
  analyze(args: { tabId: number }): TabInspection;
  getArticle(args: Record<string, never>): Article;
  showReader(args: { tabId: number }): { open: boolean };
  hideReader(args: Record<string, never>): { open: boolean };
  isReaderOpen(args: Record<string, never>): { open: boolean };
  /** A site rule for the block of the live page with this text (site-rules/describe-block.ts). */
  describeBlock(args: { text: string }): { rule: BlockRule | null };
  /** Fetch an image as the page would (same-origin images need no extra permission); bytes as a data: URL. */
  fetchImage(args: { url: string }): { dataUrl: string } | { error: string };
}

type Methods<M> = { [K in keyof M]: (args: never) => unknown };
export type Handlers<M extends Methods<M>> = {
  [K in keyof M]: (
    args: Parameters<M[K]>[0],
    sender: Runtime.MessageSender,
  ) => Promise<Awaited<ReturnType<M[K]>>> | ReturnType<M[K]>;
};

interface Envelope {
  qari: 'v1';
  to: 'background' | 'content' | 'event';
  method: string;
  args: unknown;
}
type Reply = { value: unknown } | { error: { message: string; code: ErrorCode } };

function isEnvelope(message: unknown, to: Envelope['to']): message is Envelope {
  const m = message as Partial<Envelope> | null;
  return !!m && m.qari === 'v1' && m.to === to && typeof m.method === 'string';
}

async function unwrap<T>(reply: Reply | undefined): Promise<T> {
  if (!reply) throw new QariError('No answer came back. The page may have navigated or closed.', 'tab-gone');
  if ('error' in reply) throw new QariError(reply.error.message, reply.error.code);
  return reply.value as T;
}

export async function callBackground<K extends keyof BackgroundMethods>(
  method: K,
  args: Parameters<BackgroundMethods[K]>[0],
): Promise<ReturnType<BackgroundMethods[K]>> {
  const envelope: Envelope = { qari: 'v1', to: 'background', method, args };
  return unwrap(await browser.runtime.sendMessage(envelope));
}

export async function callTab<K extends keyof ContentMethods>(
  tabId: number,
  method: K,
  args: Parameters<ContentMethods[K]>[0],
): Promise<ReturnType<ContentMethods[K]>> {
  const envelope: Envelope = { qari: 'v1', to: 'content', method, args };
  try {
    return await unwrap(await browser.tabs.sendMessage(tabId, envelope));
  } catch (error) {
    if (error instanceof QariError) throw error;
    throw new QariError('Qari is not running in this tab. Reload the page and try again.', 'tab-gone');
  }
}

function toReply(error: unknown): Reply {
  if (error instanceof QariError) return { error: { message: error.message, code: error.code } };
  const message = error instanceof Error ? error.message : String(error);
  return { error: { message: `Something went wrong: ${message}`, code: 'internal' } };
}

/**
 * Registers handlers for one side. Only messages from this extension are answered (content scripts and
 * extension pages); the returned promise is how the polyfill signals "will respond asynchronously".
 */
export function handleMessages<M extends Methods<M>>(to: Envelope['to'], handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isEnvelope(message, to) || sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[message.method as keyof M];
    if (!handler)
      return Promise.resolve({ error: { message: `Unknown request "${message.method}".`, code: 'internal' } });
    return Promise.resolve()
      .then(() => handler(message.args as never, sender))
      .then((value): Reply => ({ value }), toReply);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

const PREPARE_READER = 'qari-prepare-reader';
/** Posted by the content script to a prepared reader frame when it reveals it (with the frame's token). */
export const READER_SHOWN = 'qari-reader-shown';

/** The popup's hold on a prepared reader (holdPreparedReader). */
export interface PreparedReader {
  /** Reveals the prepared reader: one message straight to the tab, no round trip through the worker. */
  show(): Promise<{ open: boolean }>;
  release(): void;
}

/**
 * From the popup: while it stays open, keep the reader of `tabId` loaded out of sight in the tab, so that
 * "Open reader view" only reveals it. The hold is a port: when the popup closes (or reloads) the browser
 * disconnects it, and the content script removes a prepared frame nobody showed.
 */
export function holdPreparedReader(tabId: number): PreparedReader {
  const port = browser.tabs.connect(tabId, { name: `${PREPARE_READER}:${tabId}` });
  const waiting: ((reply: { open: boolean }) => void)[] = [];
  let gone = false;
  port.onMessage.addListener((reply: unknown) => waiting.shift()?.({ open: !!(reply as { open?: unknown }).open }));
  port.onDisconnect.addListener(() => {
    gone = true;
    waiting.splice(0).forEach((resolve) => resolve({ open: false }));
  });
  return {
    show: () =>
      new Promise((resolve) => {
        if (gone) return resolve({ open: false });
        waiting.push(resolve);
        port.postMessage({ type: 'show' });
      }),
    release: () => port.disconnect(),
  };
}

/**
 * In the content script: `prepare(tabId)` when an extension page holds the reader ready, `show()` when it asks
 * for it to be revealed (answers whether the reader is open), `release()` when the last holder is gone.
 */
export function onPreparedReaderHeld(handlers: {
  prepare(tabId: number): void;
  show(tabId: number): boolean;
  release(): void;
}): void {
  const holders = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    const [name, tab] = port.name.split(':');
    const tabId = Number(tab);
    if (name !== PREPARE_READER || port.sender?.id !== browser.runtime.id || !Number.isInteger(tabId)) return;
    holders.add(port);
    port.onMessage.addListener((message: unknown) => {
      if ((message as { type?: unknown }).type === 'show') port.postMessage({ open: handlers.show(tabId) });
    });
    port.onDisconnect.addListener(() => {
      holders.delete(port);
      if (!holders.size) handlers.release();
    });
    handlers.prepare(tabId);
  });
}

/** Sends an event to open extension pages; nobody listening is fine. */
export function emitEvent(event: QariEvent): void {
  const envelope: Envelope = { qari: 'v1', to: 'event', method: event.type, args: event };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

export function onEvent(listener: (event: QariEvent) => void): () => void {
  const wrapped = (message: unknown, sender: Runtime.MessageSender) => {
    if (isEnvelope(message, 'event') && sender.id === browser.runtime.id) listener(message.args as QariEvent);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
