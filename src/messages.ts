import browser, { type Runtime } from 'webextension-polyfill';
import type { Article, Direction } from './article';
import type { SavedArticleSummary } from './library/schema';
import type { BlockRule } from './site-rules/block-rule';
import type { RemovedBlock } from './site-rules/removed-blocks';
import { QariError, type ErrorCode } from './qari-error';
import type { ImportEntry } from './import/import-entry';
import type { HtmlExtraction } from './page-fetch/extract-from-html';
import type { EnqueueResult, FailedJob, QueueSnapshot } from './queue';
import type { Guard } from './message-guards';

export { QariError, type ErrorCode };

/**
 * The one message protocol between Qari's surfaces. Each side declares the methods it answers as a map of
 * name → (args) → result; callers get typed `callBackground` / `callTab`. Errors thrown by a handler travel
 * back as `{ error }` and are re-thrown at the caller as `QariError`, with a code the UI turns into words.
 *
 * Every method has a sender policy (`backgroundPolicy`, `contentPolicy`, `offscreenPolicy` in message-policy.ts): which context may call it, decided
 * from what the browser says about the sender (`callerOf`), never from the message; and a run-time guard of its
 * arguments. Where the caller lives in a tab (the reader frame over a page, a content script) the tab is the
 * sender's, never an argument.
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
  /** From the popup, which acts on the tab it was opened for. */
  inspectTab(args: { tabId: number }): TabInspection;
  setReaderOpen(args: { tabId: number; open: boolean }): { open: boolean };
  /** Save the tab's article with its images in the library (progress comes as `saveProgress` events). */
  saveArticle(args: { tabId: number }): SavedArticleSummary;
  /**
   * From the reader frame: the live article of the tab the frame is in. The token is the one the content script
   * handed that frame (content/reader-frame.ts): a reader.html some page framed itself gets nothing.
   */
  getLiveArticle(args: { token: string }): Article;
  /** From the reader frame (Escape, the close button). */
  closeReader(args: { token: string }): { open: boolean };
  /** From the reader frame ("Remove this block"): a rule that finds this block on the site's pages. */
  describeBlock(args: { token: string; text: string }): { rule: BlockRule | null };
  /** From a content script: the blocks removed on its own page's site (content scripts cannot read storage). */
  removedBlocks(args: Record<string, never>): RemovedBlock[];
  /**
   * From the popup ("Save all N tabs"): every http(s) tab of the window. With host access, each tab's live article
   * is saved at once (what the reader sees, logged-in content included, no second download); a tab that cannot be
   * read live (discarded, still loading) is queued as a 'tab' job that fetches it. Ask for host access
   * (`permissions.request({origins: ['https://*\/*', 'http://*\/*']})`) in the click handler first.
   */
  saveTabs(args: { windowId: number }): SaveTabsResult;
  /**
   * From the library page (its import): queues entries as one batch, labelled `batchLabel` in the progress view.
   * Entries already saved or already queued are not queued again (`alreadySaved`). At most ENTRIES_MAX entries
   * and, with content, at most CONTENT_HTML_MAX characters of HTML each: send a large export in several calls
   * (each message must stay well under the browser's 64 MB). Fetching needs host access: the library page asks
   * for it (`permissions.request`, in the click handler) before calling; without it those jobs fail as 'blocked'
   * and "Retry failed" after granting runs them. Progress comes as `queueProgress` events.
   */
  enqueueEntries(args: { entries: ImportEntry[]; batchLabel: string }): EnqueueResult;
  /** From the library page: counts per batch and overall, whether the queue is paused, and the failed jobs. */
  queueStatus(args: Record<string, never>): QueueStatus;
  /**
   * From the library page: pause (running jobs finish, no new ones start; kept across restarts), resume, cancel
   * (every waiting job is cancelled) or retry every failed job. Answers the status after the change.
   */
  queueControl(args: { action: QueueAction }): QueueStatus;
}

export type QueueAction = 'pause' | 'resume' | 'cancel' | 'retryFailed';

/** The queue as the library page shows it (src/queue). */
export interface QueueStatus extends QueueSnapshot {
  /** Up to 500 failed jobs, with a plain-words message each. */
  failures: FailedJob[];
}

export interface SaveTabsResult {
  /** Saved from the live tab. */
  saved: number;
  /** Queued to be fetched (the tab could not be read live). */
  queued: number;
  /** In the library already (or queued). */
  alreadySaved: number;
  /** Not web pages (settings pages, PDFs viewers, new tabs) or refused: left alone. */
  skipped: number;
}

/** Notifications from the background to whichever extension page listens (no answer expected). */
export type QariEvent =
  | { type: 'saveProgress'; tabId: number; done: number; total: number }
  /** The save queue changed (throttled): counts overall and per batch. */
  | ({ type: 'queueProgress' } & QueueSnapshot);

/** Answered by the offscreen document (Chrome: the worker has no DOMParser); only the background calls it. */
export interface OffscreenMethods {
  /** Parses a fetched page and runs the extraction core on it (src/page-fetch/extract-from-html.ts). */
  extractHtml(args: { html: string; url: string; removedBlocks: RemovedBlock[] }): HtmlExtraction;
}

/** Answered by the content script in a tab; only the background calls these. */
export interface ContentMethods {
  analyze(args: { tabId: number }): TabInspection;
  /** The article, for saving. */
  getArticle(args: Record<string, never>): Article;
  /** The article, for the reader frame holding this token. */
  readerArticle(args: { token: string }): Article;
  showReader(args: Record<string, never>): { open: boolean };
  hideReader(args: Record<string, never>): { open: boolean };
  /** Closes the reader, asked by the frame holding this token. */
  readerClose(args: { token: string }): { open: boolean };
  isReaderOpen(args: Record<string, never>): { open: boolean };
  /** A site rule for the block of the live page with this text (site-rules/describe-block.ts). */
  describeBlock(args: { token: string; text: string }): { rule: BlockRule | null };
  /** Fetch an image as the page would (same-origin images need no extra permission); bytes as a data: URL. */
  fetchImage(args: { url: string }): { dataUrl: string } | { error: string };
}

/** Who sent a message, from what the browser reports about the sender. */
export type Caller =
  /** The popup (popup.html): the toolbar popup, or the same page opened as a tab. */
  | { kind: 'popup' }
  /** reader.html in a frame over a web page: `tabId` is the tab the frame is in. */
  | { kind: 'reader-frame'; tabId: number }
  /** Qari's content script in the top frame of `tabId`, on the page at `url`. */
  | { kind: 'content'; tabId: number; url: string }
  /** The service worker (Firefox: its generated background page). */
  | { kind: 'background' }
  /** The library page (library.html), in a tab of its own. */
  | { kind: 'library' }
  /** Chrome's offscreen document (offscreen.html), where the background parses fetched pages. */
  | { kind: 'offscreen' };
export type CallerKind = Caller['kind'];

const BACKGROUND_PAGES = new Set(['/background.js', '/_generated_background_page.html']);

/**
 * Classifies a sender, or null for anyone else. Content scripts share the extension id with extension pages, so
 * the id alone proves nothing: an extension page is known by its URL on the extension's origin (which a page
 * cannot take), a content script by not having one.
 */
export function callerOf(sender: Runtime.MessageSender, extensionOrigin: string): Caller | null {
  if (sender.id !== browser.runtime.id || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  const tabId = sender.tab?.id;
  if (originOf(url) === extensionOrigin) {
    if (url.pathname === '/popup.html') return { kind: 'popup' };
    if (url.pathname === '/library.html') return { kind: 'library' };
    if (url.pathname === '/offscreen.html' && tabId === undefined) return { kind: 'offscreen' };
    if (BACKGROUND_PAGES.has(url.pathname) && tabId === undefined) return { kind: 'background' };
    if (url.pathname === '/reader.html' && tabId !== undefined && tabId >= 0 && (sender.frameId ?? 0) !== 0)
      return { kind: 'reader-frame', tabId };
    return null;
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') && tabId !== undefined)
    return (sender.frameId ?? 0) === 0 ? { kind: 'content', tabId, url: sender.url } : null;
  return null;
}

/** Which caller may call a method, and what its arguments must look like. */
export interface Policy<A, K extends CallerKind> {
  from: K;
  args: Guard<A>;
}
type ArgsOf<F> = F extends (args: infer A) => unknown ? A : never;
export type PolicyTable<M> = { [K in keyof M]: Policy<ArgsOf<M[K]>, CallerKind> };

type Methods<M> = { [K in keyof M]: (args: never) => unknown };
type Table<M> = { [K in keyof M]: { from: CallerKind } };
export type Handlers<M extends Methods<M>, P extends Table<M>> = {
  [K in keyof M]: (
    args: Parameters<M[K]>[0],
    caller: Extract<Caller, { kind: P[K]['from'] }>,
  ) => Promise<Awaited<ReturnType<M[K]>>> | ReturnType<M[K]>;
};

interface Envelope {
  qari: 'v1';
  to: 'background' | 'content' | 'event' | 'offscreen';
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

/** To the offscreen document (Chrome): the background creates it first (background/offscreen-document.ts). */
export async function callOffscreen<K extends keyof OffscreenMethods>(
  method: K,
  args: Parameters<OffscreenMethods[K]>[0],
): Promise<ReturnType<OffscreenMethods[K]>> {
  const envelope: Envelope = { qari: 'v1', to: 'offscreen', method, args };
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
 * scheme://host of a URL. Not `URL.origin`: for a scheme the URL standard does not know (chrome-extension:,
 * moz-extension:) that is "null" outside the browser that owns the scheme.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** The extension's own origin (chrome-extension://<id>, or Firefox's moz-extension://<uuid>). */
export function extensionOrigin(): string {
  return originOf(new URL(browser.runtime.getURL('/')));
}

/**
 * Registers handlers for one side. A message is answered only when its sender may call that method
 * (`policy[method].from`) and its arguments pass the method's guard; the returned promise is how the polyfill
 * signals "will respond asynchronously".
 */
export function handleMessages<M extends Methods<M>, P extends { [K in keyof M]: Policy<unknown, CallerKind> }>(
  to: Envelope['to'],
  policy: P,
  handlers: Handlers<M, P>,
): () => void {
  const origin = extensionOrigin();
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isEnvelope(message, to)) return undefined;
    const caller = callerOf(sender, origin);
    if (!caller) return undefined;
    const method = message.method as keyof M;
    const rule = Object.hasOwn(policy, method) ? policy[method] : undefined;
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
    if (!rule || !handler)
      return Promise.resolve({ error: { message: `Unknown request "${message.method}".`, code: 'internal' } });
    if (rule.from !== caller.kind)
      return Promise.resolve({ error: { message: `"${message.method}" is not for this sender.`, code: 'internal' } });
    if (!rule.args(message.args))
      return Promise.resolve({ error: { message: `Malformed "${message.method}" request.`, code: 'internal' } });
    return Promise.resolve()
      .then(() => handler(message.args as never, caller as never))
      .then((value): Reply => ({ value }), toReply);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

const PREPARE_READER = 'qari-prepare-reader';
/** Posted by the content script to a prepared reader frame when it reveals it (with the frame's token). */
export const READER_SHOWN = 'qari-reader-shown';
/** Posted by a reader frame to its parent: "I am loaded, give me my token". */
export const READER_HELLO = 'qari-reader-hello';
/** The content script's answer to READER_HELLO, posted to the frame's window only (extension origin). */
export const READER_TOKEN = 'qari-reader-token';

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
  const port = browser.tabs.connect(tabId, { name: PREPARE_READER });
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
 * In the content script: `prepare()` when the popup holds the reader ready, `show()` when it asks for it to be
 * revealed (answers whether the reader is open), `release()` when the last holder is gone. Only the popup may
 * hold one.
 */
export function onPreparedReaderHeld(handlers: { prepare(): void; show(): boolean; release(): void }): void {
  const holders = new Set<Runtime.Port>();
  const origin = extensionOrigin();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PREPARE_READER || !port.sender || callerOf(port.sender, origin)?.kind !== 'popup') return;
    holders.add(port);
    port.onMessage.addListener((message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'show') port.postMessage({ open: handlers.show() });
    });
    port.onDisconnect.addListener(() => {
      holders.delete(port);
      if (!holders.size) handlers.release();
    });
    handlers.prepare();
  });
}

/** Sends an event to open extension pages; nobody listening is fine. */
export function emitEvent(event: QariEvent): void {
  const envelope: Envelope = { qari: 'v1', to: 'event', method: event.type, args: event };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

export function onEvent(listener: (event: QariEvent) => void): () => void {
  const origin = extensionOrigin();
  const wrapped = (message: unknown, sender: Runtime.MessageSender) => {
    // Events come from the background only (a content script could send this envelope too).
    if (isEnvelope(message, 'event') && callerOf(sender, origin)?.kind === 'background')
      listener(message.args as QariEvent);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
