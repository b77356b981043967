import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

/** runtime.onMessage as the browser gives it: one listener list, a sender per message (reset before each test). */
const fake = vi.hoisted(() => {
  type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;
  const state = { listeners: new Set<Listener>() };
  const browser = {
    runtime: {
      id: 'qari-id',
      getURL: (path: string) => `chrome-extension://qari-id${path.startsWith('/') ? '' : '/'}${path}`,
      onMessage: {
        addListener: (l: Listener) => state.listeners.add(l),
        removeListener: (l: Listener) => state.listeners.delete(l),
      },
    },
  };
  return { state, browser };
});
vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const { callerOf, handleMessages } = await import('./messages');
const { backgroundPolicy } = await import('./message-policy');
type BackgroundMethods = import('./messages').BackgroundMethods;

const EXT = 'chrome-extension://qari-id';
const TOKEN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const popup: Runtime.MessageSender = { id: 'qari-id', url: `${EXT}/popup.html?tab=3` };
const readerIn = (tab: number): Runtime.MessageSender => ({
  id: 'qari-id',
  url: `${EXT}/reader.html?hidden=1`,
  tab: { id: tab } as never,
  frameId: 7,
});
const contentIn = (tab: number, url = 'https://news.example/a'): Runtime.MessageSender => ({
  id: 'qari-id',
  url,
  tab: { id: tab } as never,
  frameId: 0,
});

/** Sends one envelope through the registered listener, as `sender`. */
async function send(method: string, args: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const [listener] = fake.state.listeners;
  return listener!({ qari: 'v1', to: 'background', method, args }, sender);
}

const calls: { method: string; args: unknown; caller: unknown }[] = [];
beforeEach(() => {
  fake.state.listeners.clear();
  calls.length = 0;
  const record =
    (method: string) =>
    (args: unknown, caller: unknown): never => {
      calls.push({ method, args, caller });
      return { ok: true } as never;
    };
  handleMessages<BackgroundMethods, typeof backgroundPolicy>('background', backgroundPolicy, {
    inspectTab: record('inspectTab'),
    setReaderOpen: record('setReaderOpen'),
    saveArticle: record('saveArticle'),
    getLiveArticle: record('getLiveArticle'),
    closeReader: record('closeReader'),
    describeBlock: record('describeBlock'),
    removedBlocks: record('removedBlocks'),
    saveTabs: record('saveTabs'),
    enqueueEntries: record('enqueueEntries'),
    queueStatus: record('queueStatus'),
    queueControl: record('queueControl'),
  });
});

describe('callerOf', () => {
  test('tells the popup, a reader frame, a content script and the worker apart by the sender, not the id', () => {
    expect(callerOf(popup, EXT)).toEqual({ kind: 'popup' });
    expect(callerOf(readerIn(5), EXT)).toEqual({ kind: 'reader-frame', tabId: 5 });
    expect(callerOf(contentIn(5), EXT)).toEqual({ kind: 'content', tabId: 5, url: 'https://news.example/a' });
    expect(callerOf({ id: 'qari-id', url: `${EXT}/background.js` }, EXT)).toEqual({ kind: 'background' });
  });

  test('refuses other extensions, a content script in a subframe, a top-level reader.html and unknown pages', () => {
    expect(callerOf({ ...popup, id: 'other' }, EXT)).toBeNull();
    expect(callerOf({ ...contentIn(5), frameId: 3 }, EXT)).toBeNull();
    expect(callerOf({ id: 'qari-id', url: `${EXT}/reader.html`, tab: { id: 5 } as never, frameId: 0 }, EXT)).toBeNull();
    expect(callerOf({ id: 'qari-id', url: `${EXT}/saved.html?id=x`, tab: { id: 5 } as never }, EXT)).toBeNull();
    // A page cannot pass for the popup by its URL: the origin is the extension's own.
    expect(callerOf(contentIn(5, 'https://evil.example/popup.html'), EXT)?.kind).toBe('content');
  });
});

describe('the background answers each method only from its caller, with checked arguments', () => {
  test('a content script cannot drive another tab, save, or ask for a live article', async () => {
    for (const [method, args] of [
      ['inspectTab', { tabId: 9 }],
      ['setReaderOpen', { tabId: 9, open: true }],
      ['saveArticle', { tabId: 9 }],
      ['getLiveArticle', { token: TOKEN }],
      ['describeBlock', { token: TOKEN, text: 'x' }],
    ] as const) {
      const reply = (await send(method, args, contentIn(5))) as { error?: { message: string } };
      expect(reply.error?.message, method).toMatch(/not for this sender/);
    }
    expect(calls).toEqual([]);
  });

  test('the reader frame gets the tab it sits in; a tabId argument is refused, not followed', async () => {
    expect(await send('getLiveArticle', { token: TOKEN }, readerIn(5))).toEqual({ value: { ok: true } });
    expect(calls[0]).toEqual({
      method: 'getLiveArticle',
      args: { token: TOKEN },
      caller: { kind: 'reader-frame', tabId: 5 },
    });
    const smuggled = (await send('getLiveArticle', { token: TOKEN, tabId: 9 }, readerIn(5))) as { error?: object };
    expect(smuggled.error).toBeDefined();
    const old = (await send('getLiveArticle', { tabId: 9 }, readerIn(5))) as { error?: object };
    expect(old.error).toBeDefined();
    expect(calls).toHaveLength(1);
  });

  test('arguments of the wrong type or shape are refused before any handler runs', async () => {
    for (const args of [
      { tabId: '9' },
      { tabId: -1 },
      { tabId: 1.5 },
      null,
      [],
      { tabId: 9, extra: 1 },
      Object.assign(Object.create({ inherited: 1 }), { tabId: 9 }),
    ]) {
      const reply = (await send('inspectTab', args, popup)) as { error?: { message: string } };
      expect(reply.error?.message, JSON.stringify(args)).toMatch(/Malformed/);
    }
    const long = (await send('describeBlock', { token: TOKEN, text: 'x'.repeat(100_001) }, readerIn(5))) as {
      error?: object;
    };
    expect(long.error).toBeDefined();
    expect(await send('describeBlock', { token: 'not-a-token', text: 'x' }, readerIn(5))).toHaveProperty('error');
    expect(calls).toEqual([]);
  });

  test('a content script gets only its own page for the removed blocks; an unknown method is not looked up on the prototype', async () => {
    expect(await send('removedBlocks', {}, contentIn(5, 'https://news.example/a'))).toEqual({ value: { ok: true } });
    expect(calls[0]?.caller).toEqual({ kind: 'content', tabId: 5, url: 'https://news.example/a' });
    expect(await send('removedBlocks', {}, popup)).toHaveProperty('error');
    expect(await send('constructor', {}, popup)).toEqual({
      error: { message: 'Unknown request "constructor".', code: 'internal' },
    });
    expect(await send('toString', {}, popup)).toHaveProperty('error');
  });
});

describe('the save queue: only the library page drives it, only the background calls the offscreen document', () => {
  const library: Runtime.MessageSender = { id: 'qari-id', url: `${EXT}/library.html`, tab: { id: 4 } as never };
  const entry = { url: 'https://news.example/a', source: 'pocket', tags: ['x'], state: 'unread' };

  test('library.html and offscreen.html are callers of their own', () => {
    expect(callerOf(library, EXT)).toEqual({ kind: 'library' });
    expect(callerOf({ id: 'qari-id', url: `${EXT}/offscreen.html` }, EXT)).toEqual({ kind: 'offscreen' });
    // An offscreen.html in a tab is not the offscreen document.
    expect(callerOf({ id: 'qari-id', url: `${EXT}/offscreen.html`, tab: { id: 4 } as never }, EXT)).toBeNull();
  });

  test('enqueueEntries, queueStatus and queueControl answer the library page and no one else', async () => {
    expect(await send('enqueueEntries', { entries: [entry], batchLabel: 'Pocket' }, library)).toEqual({
      value: { ok: true },
    });
    expect(await send('queueControl', { action: 'pause' }, library)).toEqual({ value: { ok: true } });
    expect(await send('queueStatus', {}, library)).toEqual({ value: { ok: true } });
    for (const sender of [popup, contentIn(5), readerIn(5)])
      expect(await send('enqueueEntries', { entries: [entry], batchLabel: 'x' }, sender)).toHaveProperty('error');
    expect(await send('saveTabs', { windowId: 1 }, popup)).toEqual({ value: { ok: true } });
    expect(await send('saveTabs', { windowId: 1 }, contentIn(5))).toHaveProperty('error');
    expect(calls.map((c) => c.method)).toEqual(['enqueueEntries', 'queueControl', 'queueStatus', 'saveTabs']);
  });

  test('entries are checked and capped: URL scheme, sizes, counts, unknown keys', async () => {
    const bad = [
      { ...entry, url: 'javascript:alert(1)' },
      { ...entry, url: `https://a.example/${'x'.repeat(9000)}` },
      { ...entry, source: 'evernote' },
      { ...entry, tags: 'x' },
      { ...entry, state: 'deleted' },
      { ...entry, content: { html: 'x'.repeat(5_000_001) } },
      { ...entry, content: { html: '<p>x</p>', script: 'x' } },
      { ...entry, extra: 1 },
    ];
    for (const e of bad) {
      const reply = await send('enqueueEntries', { entries: [e], batchLabel: 'x' }, library);
      expect(reply, JSON.stringify(e).slice(0, 80)).toHaveProperty('error');
    }
    const many = Array.from({ length: 20_001 }, () => entry);
    expect(await send('enqueueEntries', { entries: many, batchLabel: 'x' }, library)).toHaveProperty('error');
    expect(await send('queueControl', { action: 'delete' }, library)).toHaveProperty('error');
    const withContent = { ...entry, title: 'T', addedAt: 1, content: { html: '<p>x</p>', lang: 'ar' } };
    expect(await send('enqueueEntries', { entries: [withContent], batchLabel: 'x' }, library)).toEqual({
      value: { ok: true },
    });
    expect(calls).toHaveLength(1);
  });
});
