// @vitest-environment node
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { xssPayloads } from '../e2e/xss/payloads';
import { extractHtml } from '../src/node/extract-html';

/**
 * Each payload of the XSS corpus alone inside an ordinary article, through the whole Node pipeline
 * (extraction + sanitizer): what comes out must hold nothing that can run script, load page-chosen
 * resources other than images, or restyle the reader. The same corpus runs in real Chromium in e2e/xss.
 */

const BEACON = 'http://127.0.0.1:9/beacon';
const prose = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the city water board met on Tuesday to review how its contractors handled the winter repairs, and residents asked why the work took so long.</p>`,
).join('\n');
const SAFE_URL = /^(https?:|mailto:|tel:|#|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/i;
const BANNED =
  'script, iframe, frame, object, embed, applet, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, video, audio, marquee';

function dangers(html: string): string[] {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const found = Array.from(document.querySelectorAll(BANNED)).map((el) => `<${el.tagName.toLowerCase()}>`);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(el.attributes)) {
      if (/^on|^(style|srcdoc|formaction|action|ping|background|xlink:href|data|poster|popover)$/i.test(name))
        found.push(`${name}=`);
      if (/^(href|src|cite)$/.test(name) && value && !SAFE_URL.test(value.trim()))
        found.push(`${name}=${value.slice(0, 40)}`);
      if (name === 'srcset' && value.split(',').some((c) => !SAFE_URL.test(c.trim()))) found.push('srcset');
    }
  }
  return found;
}

const payloads = xssPayloads(BEACON);

test('the corpus is large and varied', () => {
  expect(payloads.length).toBeGreaterThanOrEqual(50);
  expect(new Set(payloads.map((p) => p.category)).size).toBeGreaterThanOrEqual(10);
});

test.each(payloads.map((p) => [p.id, p.html] as const))('%s leaves nothing dangerous', (_id, payload) => {
  const page = `<!doctype html><html lang="en"><head><title>Water board review</title></head><body><article><h1>Water board review</h1>${prose.replace('</p>', `</p>${payload}`)}</article></body></html>`;
  const result = extractHtml(page, 'https://news.example/water-board');
  expect(result.ok).toBe(true);
  if (result.ok) expect(dangers(result.article.content)).toEqual([]);
});
