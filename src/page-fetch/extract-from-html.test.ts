import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractFromHtml } from './extract-from-html';

const paragraphs = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the harbour report tells what the ferry crews saw on the water that morning, in full sentences a reader would keep.</p>`,
).join('');
const article = `<!doctype html><html><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${paragraphs}</article></body></html>`;

describe('extractFromHtml: what the save queue records', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an article is extracted with its text', () => {
    const result = extractFromHtml(article, 'https://news.example/harbour');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('Paragraph 8 of the harbour report');
  });

  it('out of time on a stalled machine: "too large", retried later (the page may read in a second next time)', () => {
    // The clock jumps a minute at each reading: the extraction's budget is spent at its first check.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 60_000));
    const result = extractFromHtml(article, 'https://news.example/harbour');
    expect(result).toMatchObject({ ok: false, kind: 'too-large', retry: true });
  });

  it('a page whose text only scripts make: a final failure, not retried', () => {
    const app = '<!doctype html><html><body><div id="root"></div><script src="/app.js"></script></body></html>';
    const result = extractFromHtml(app, 'https://app.example/');
    expect(result).toMatchObject({ ok: false, kind: 'needs-script' });
    expect(result.ok === false && result.retry).toBeFalsy();
  });
});
