import { strToU8, zipSync } from 'fflate';
import { xssPayloads } from './payloads';

/**
 * A Qari library export crafted by hand, not made by Qari: every payload of the XSS corpus in the article body
 * exactly as written (no extraction, no sanitizing on the way in), markup that clobbers the saved-article page's
 * own ids and names, hostile metadata, an SVG image and an SVG disguised as PNG. For the import tests in Chromium
 * and Firefox (e2e/xss-import*.e2e.test.ts).
 */

export const ARTICLE_ID = 'hostile0001';
/** The article's address in the export: its library id is articleIdFor(HOSTILE_URL). */
export const HOSTILE_URL = 'https://harbour.example/minutes';
export const TITLE = 'Harbour board minutes <img src=x onerror=alert(1)>';

/** Ids and names the saved-article page itself uses (saved.html, reader/main.ts), worn by article markup. */
const CLOBBERING = `
  <div id="edit">fake edit</div><button id="close" type="button">fake close</button>
  <form name="status"><input name="hidden"></form><img name="reader" alt=""><a id="undo" href="#">fake undo</a>
  <div id="edit-notice"><span id="edit-notice-text">fake notice</span></div>
  <img name="getElementById" alt=""><form id="browser"><input name="runtime"></form><div id="chrome"></div>`;

export function hostileExport(beacon: string, extensionOrigin: string): Uint8Array {
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
    url: HOSTILE_URL,
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

/**
 * In the saved-article page: everything in the article that could run script or load anything from the network.
 * Plain DOM code, run in the page by either browser's driver.
 */
export function dangerInSavedPage(): string[] {
  const found: string[] = [];
  const root = document.querySelector('main')!;
  const banned =
    'script, iframe, frame, object, embed, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, video, audio';
  for (const el of Array.from(root.querySelectorAll(banned))) found.push(`element <${el.tagName.toLowerCase()}>`);
  const offline = /^(#|blob:(chrome|moz)-extension:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/i;
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
}

/** In the saved-article page: which of its own controls' ids an element of the article now answers to. */
export function clobberedControls(): string[] {
  return ['edit', 'close', 'undo', 'edit-notice', 'edit-notice-text', 'status', 'reader'].filter((id) =>
    document.getElementById(id)?.closest('main article'),
  );
}
