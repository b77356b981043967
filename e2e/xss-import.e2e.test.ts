import { zipSync, strToU8 } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { openReadingList } from './pages/reading-list';
import { xssPayloads } from './xss/payloads';

/**
 * An export file is as untrusted as a web page: anyone can hand a reader a "library" zip. This one is crafted by
 * hand, not made by Qari: every payload of the XSS corpus sits in the article body exactly as written (no
 * extraction, no sanitizing on the way in), plus markup that clobbers the reader page's own ids and names, and
 * hostile metadata. It goes in through the import button and out through saved.html, and the saved-article page
 * must run none of it and reach the network for none of it: an opened saved article reads from the library only.
 */

let qari: Qari;
let dir: string;

beforeAll(async () => {
  qari = await launchQari();
  dir = mkdtempSync(join(tmpdir(), 'qari-xss-import-'));
});

afterAll(async () => {
  await qari?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ARTICLE_ID = 'hostile0001';
const TITLE = 'Harbour board minutes <img src=x onerror=alert(1)>';

/** Ids and names the saved-article page itself uses (saved.html, reader/main.ts), worn by article markup. */
const CLOBBERING = `
  <div id="edit">fake edit</div><button id="close" type="button">fake close</button>
  <form name="status"><input name="hidden"></form><img name="reader" alt=""><a id="undo" href="#">fake undo</a>
  <div id="edit-notice"><span id="edit-notice-text">fake notice</span></div>
  <img name="getElementById" alt=""><form id="browser"><input name="runtime"></form><div id="chrome"></div>`;

function hostileExport(beacon: string, extensionOrigin: string): Uint8Array {
  const payloads = xssPayloads(beacon, { extensionOrigin });
  const body = [
    '<p>The harbour board met on Tuesday and approved the accounts after a long debate about dredging.</p>',
    CLOBBERING,
    // Both images the way Qari's saves point at them, and the network directly (before the payloads: some,
    // like <plaintext>, swallow everything after them).
    `<figure><img src="qari-image:chart"><img src="qari-image:photo"><img src="${beacon}?id=raw-img" srcset="${beacon}?id=raw-srcset 2x"></figure>`,
    ...payloads.map((p) => `<p>Item ${p.id}: ${p.html}</p>`),
    '<p>The meeting closed at nine; the next is in March.</p>',
  ].join('\n');
  const svg = strToU8(
    `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('${beacon}?id=svg-onload')"><script>fetch('${beacon}?id=svg-script')</script></svg>`,
  );
  const SVG_BYTES = svg.length;
  const now = Date.now();
  const article = {
    id: ARTICLE_ID,
    url: 'https://harbour.example/minutes',
    title: TITLE,
    byline: '<script>fetch("' + beacon + '?id=byline")</script>',
    siteName: `<img src="${beacon}?id=site-name">`,
    publishedTime: '2026-03-01T09:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: `<iframe src="${beacon}?id=excerpt"></iframe>`,
    leadImage: `javascript:fetch('${beacon}?id=lead-image')`,
    content: body,
    textContent: 'The harbour board met on Tuesday and approved the accounts.',
    readingTimeMinutes: 3,
    wordCount: 600,
    savedAt: now,
    updatedAt: now,
    readAt: null,
    archived: false,
    deletedAt: null,
    progress: 0,
    dirOverride: null,
    bytes: body.length,
    schemaVersion: 2,
    file: `articles/${ARTICLE_ID}.html`,
    images: [
      // SVG can carry script: imported as missing (raster types only), whatever its bytes.
      {
        key: 'chart',
        originalUrl: `${beacon}?id=svg-original`,
        missing: false,
        bytes: SVG_BYTES,
        type: 'image/svg+xml',
        file: `images/${ARTICLE_ID}/chart.svg`,
      },
      // Declared PNG, SVG inside: a blob: image never runs script, and its original URL is never fetched.
      {
        key: 'photo',
        originalUrl: `${beacon}?id=photo-original`,
        missing: false,
        bytes: SVG_BYTES,
        type: 'image/png',
        file: `images/${ARTICLE_ID}/photo.png`,
      },
    ],
  };
  const manifest = { format: 'qari-library', version: 1, exportedAt: new Date(now).toISOString(), articles: [article] };
  return zipSync({
    'qari-library.json': strToU8(JSON.stringify(manifest)),
    [`articles/${ARTICLE_ID}.html`]: strToU8(`<!doctype html><title>x</title>${body}`),
    [`images/${ARTICLE_ID}/chart.svg`]: svg,
    [`images/${ARTICLE_ID}/photo.png`]: svg,
  });
}

/** Everything in the saved page's article that could run script or load anything from the network. */
function dangerIn(saved: Page) {
  return saved.evaluate(() => {
    const found: string[] = [];
    const root = document.querySelector('main')!;
    const banned =
      'script, iframe, frame, object, embed, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, video, audio';
    for (const el of Array.from(root.querySelectorAll(banned))) found.push(`element <${el.tagName.toLowerCase()}>`);
    const offline = /^(#|blob:chrome-extension:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/i;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || ['style', 'srcdoc', 'formaction', 'action', 'ping', 'background'].includes(name))
          found.push(`attribute ${name} on <${el.tagName.toLowerCase()}>`);
        if (['src', 'srcset', 'poster', 'data'].includes(name) && attr.value && !offline.test(attr.value.trim()))
          found.push(`${name}=${attr.value.slice(0, 60)}`);
      }
    }
    return found;
  });
}

test('a hand-crafted hostile export imports and opens offline-only, running nothing, fetching nothing', async () => {
  const beacon = `${qari.server.origin}/beacon`;
  const zipPath = join(dir, 'library.zip');
  writeFileSync(zipPath, hostileExport(beacon, `chrome-extension://${qari.extId}`));

  const list = await openReadingList(qari);
  await list.locator('input[type=file]').setInputFiles(zipPath);
  await list.getByRole('status').filter({ hasText: 'Imported: 1 new' }).waitFor();
  // The title is text: shown as written, never parsed.
  expect(await list.locator('.item-title').allInnerTexts()).toEqual([TITLE]);
  const hitsBefore = qari.server.beaconHits.length;

  // Every request any page of the browser makes from here on, and anything that reaches for a dialog.
  const requests: string[] = [];
  const trouble: string[] = [];
  const violations: string[] = [];
  qari.ctx.on('request', (request) => {
    if (!/^(chrome-extension|blob|data):/.test(request.url())) requests.push(request.url());
  });
  const opened = qari.ctx.waitForEvent('page');
  await list.getByRole('button', { name: `Open: ${TITLE}` }).click();
  const saved = await opened;
  saved.on('dialog', (dialog) => {
    trouble.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  saved.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) violations.push(msg.text().slice(0, 80));
  });
  await saved.waitForSelector('body[data-ready="ok"]');
  expect(new URL(saved.url()).pathname).toBe('/saved.html');
  expect(await saved.locator('h1').innerText()).toBe(TITLE);
  const text = await saved.locator('article').innerText();
  expect(text).toContain('approved the accounts after a long debate');
  // (No check on the closing line: payloads such as <plaintext> swallow the markup after them, as HTML says.)

  // Chromium checks an inline handler against the CSP when the sanitizer's inert document parses it, and reports
  // that, though nothing runs there (e2e/xss.e2e.test.ts saw the same): what counts is what comes after.
  await saved.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  const violationsWhileSanitizing = violations.length;
  // Give user-triggered vectors their trigger, then a round trip through the page's event loop.
  await saved.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('article *'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart', 'toggle', 'click'])
        el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  });
  await saved.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

  expect(await dangerIn(saved)).toEqual([]);
  // The page's own controls are still the page's: the article's ids were renamed, its names dropped.
  const controls = await saved.evaluate(() =>
    ['edit', 'close', 'undo', 'edit-notice', 'edit-notice-text', 'status', 'reader'].map((id) => {
      const el = document.getElementById(id);
      return `${id}:${el ? (el.closest('main article') ? 'article' : 'page') : 'none'}`;
    }),
  );
  expect(controls.filter((c) => c.endsWith(':article'))).toEqual([]);
  expect(
    await saved.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: unknown } }).chrome?.runtime),
  ).toBe('object');
  // Images come from the library's bytes (blob:) or inline raster data:, or not at all; the SVG is missing.
  const images = await saved
    .locator('article img')
    .evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((img) => img.getAttribute('src') ?? ''));
  const offline = /^(blob:chrome-extension:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/;
  expect(images.filter((src) => src !== '' && !offline.test(src))).toEqual([]);
  expect(images.filter((src) => src.startsWith('blob:'))).toHaveLength(1);

  expect(trouble).toEqual([]);
  expect(violations.slice(violationsWhileSanitizing)).toEqual([]);
  expect(requests).toEqual([]);
  expect(qari.server.beaconHits.slice(hitsBefore).map((h) => `${h.path}?${h.query}`)).toEqual([]);
  await Promise.all([saved.close(), list.close()]);
});
