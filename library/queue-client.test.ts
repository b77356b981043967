import { describe, expect, it, vi } from 'vitest';
import type { ImportEntry } from '../src/import/import-entry';
import { CONTENT_HTML_MAX, ENTRIES_MAX } from '../src/message-policy';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { enqueueChunks } = await import('./queue-client');

const entry = (i: number, html?: string): ImportEntry => ({
  url: `https://a.example/${i}`,
  source: 'wallabag',
  tags: [],
  state: 'unread',
  ...(html === undefined ? {} : { content: { html } }),
});

describe('enqueueChunks', () => {
  it('splits by the background’s entry cap, keeping order', () => {
    const entries = Array.from({ length: ENTRIES_MAX * 2 + 5 }, (_, i) => entry(i));
    const chunks = enqueueChunks(entries);
    expect(chunks.map((c) => c.length)).toEqual([ENTRIES_MAX, ENTRIES_MAX, 5]);
    expect(chunks.flat()).toEqual(entries);
  });

  it('splits by the HTML a message carries, and sends content over the cap as a link to fetch', () => {
    const big = 'x'.repeat(4_000_000);
    const chunks = enqueueChunks([entry(1, big), entry(2, big), entry(3, big), entry(4, big), entry(5, big)]);
    expect(chunks.map((c) => c.length)).toEqual([4, 1]);
    const [tooBig] = enqueueChunks([entry(6, 'y'.repeat(CONTENT_HTML_MAX + 1))]);
    expect(tooBig).toEqual([entry(6)]);
  });
});
