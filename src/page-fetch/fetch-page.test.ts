// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { JobError, NEEDS_SCRIPT_MESSAGE } from '../queue/job-error';
import { decodeHtml } from './decode-html';
import { extractFromHtml } from './extract-from-html';
import { fetchPage, type FetchLimits } from './fetch-page';

const URL_ = 'https://news.example/story';
const LIMITS: FetchLimits = { timeoutMs: 50, maxBytes: 1000 };

const answer =
  (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
  async () =>
    new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });

async function failure(fetcher: typeof fetch): Promise<JobError> {
  const error = await fetchPage(URL_, LIMITS, fetcher).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JobError);
  return error as JobError;
}

describe('fetchPage failures', () => {
  it('404 and 410 are gone, never retried', async () => {
    for (const status of [404, 410]) {
      const error = await failure(answer('no', { status }));
      expect([error.kind, error.retry]).toEqual(['gone', false]);
      expect(error.message).toContain(String(status));
    }
  });
  it('5xx and 429 are network failures worth retrying; 403 is blocked', async () => {
    expect(await failure(answer('x', { status: 503 }))).toMatchObject({ kind: 'network', retry: true });
    expect(await failure(answer('x', { status: 429 }))).toMatchObject({ kind: 'network', retry: true });
    expect(await failure(answer('x', { status: 403 }))).toMatchObject({ kind: 'blocked', retry: false });
  });
  it('a connection error is retried; an answer slower than the timeout is timed out', async () => {
    expect(
      await failure(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toMatchObject({ kind: 'network', retry: true });
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    expect(await failure(never)).toMatchObject({ kind: 'timed-out', retry: true });
  });
  it('a PDF or an image is not HTML; a page over the cap is too large, declared or streamed', async () => {
    expect(await failure(answer('%PDF', { headers: { 'content-type': 'application/pdf' } }))).toMatchObject({
      kind: 'not-html',
      message: expect.stringContaining('application/pdf'),
    });
    const big = '<p>' + 'x'.repeat(2000) + '</p>';
    expect(await failure(answer(big))).toMatchObject({ kind: 'too-large' });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(400));
        c.close();
      },
    });
    expect(await failure(answer(stream))).toMatchObject({ kind: 'too-large' });
  });
});

describe('decodeHtml', () => {
  it('follows the header, then <meta>, then UTF-8 or windows-1252', () => {
    // "سلام" in windows-1256, declared only in <meta>.
    const arabic = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1256"><p>'),
      0xd3,
      0xe1,
      0xc7,
      0xe3,
    ]);
    expect(decodeHtml(arabic, 'text/html').text).toContain('سلام');
    expect(decodeHtml(new TextEncoder().encode('<p>café'), 'text/html; charset=utf-8').text).toContain('café');
    expect(decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xe9]), null)).toMatchObject({
      charset: 'windows-1252',
      text: '<p>é',
    });
    expect(decodeHtml(new TextEncoder().encode('<p>عربي'), null)).toMatchObject({ charset: 'utf-8', text: '<p>عربي' });
  });
});

const paragraph = (n: number) =>
  `<p>${'Tidal power is reliable and predictable in every season of the year. '.repeat(4)} (${n})</p>`;

describe('extractFromHtml', () => {
  it('reads an article with its images made absolute against the page address', () => {
    const html = `<html><head><title>Story</title></head><body><article><h1>Story</h1>${paragraph(1)}<img src="/img/a.png" alt="">${paragraph(2)}${paragraph(3)}</article></body></html>`;
    const result = extractFromHtml(html, URL_);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.content).toContain('https://news.example/img/a.png');
    expect(result.article.textContent).toContain('Tidal power');
  });
  it('a page made by scripts fails as needs-script, not as an empty article', () => {
    const spa = `<html><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/static/js/main.js"></script></body></html>`;
    expect(extractFromHtml(spa, URL_)).toEqual({ ok: false, kind: 'needs-script', message: NEEDS_SCRIPT_MESSAGE });
    const bare = `<html><body><div id="app"></div><script src="/bundle.js"></script></body></html>`;
    expect(extractFromHtml(bare, URL_)).toMatchObject({ ok: false, kind: 'needs-script' });
  });
  it('a page with little text is still saved, with its notice (never refuse)', () => {
    const result = extractFromHtml('<html><body><p>Closed on Monday.</p></body></html>', URL_);
    expect(result).toMatchObject({ ok: true, article: { notice: expect.any(String) } });
  });
  it('a page with no text at all and no scripts is not an article', () => {
    expect(extractFromHtml('<html><body><img src="x.png"></body></html>', URL_)).toMatchObject({
      ok: false,
      kind: 'not-article',
    });
  });
});
