import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQariFirefox, waitForFirefoxReader, type QariFirefox } from './firefox/launch';

/**
 * The reader-view loop in real headless Firefox ESR (puppeteer-core over WebDriver BiDi): popup → background
 * → content script → reader iframe in a closed shadow root → close, with the page given back unchanged.
 * Runs the test variant of the extension (dist/ plus a host permission for 127.0.0.1, see
 * scripts/build-test-extension.ts); a missing Firefox fails the file, it does not skip it.
 */

const SHOTS = 'out/screenshots';
const FIRST = 'توصل الرئيس الروسي';
const LAST = 'واستطرد بالقول';
const CLUTTER = ['أحدث الحلقات', 'الأكثر مشاهدة', 'حمل تطبيق السومرية'];
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let qari: QariFirefox;
let page: Page;
let tabId: number;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  qari = await launchQariFirefox();
  ({ page, tabId } = await qari.openTab(`${qari.server.origin}/fixtures/alsumaria-idlib-ceasefire/`));
});

afterAll(async () => {
  await qari?.close();
});

test('production manifest grants no host permission at install (only the Firefox test build adds one)', () => {
  const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8')) as Record<string, unknown>;
  expect(manifest.host_permissions).toBeUndefined();
  // Optional only: asked for at save time, for the hosts of an article's images.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
});

test('Firefox: the popup opens the reader over the Arabic page, right to left, without clutter; closing restores the page', async () => {
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  const popup = await qari.openPopup(tabId);
  const open = await popup.waitForSelector('::-p-aria([name="Open reader view"][role="button"])');
  const disabled = await open!.evaluate((b) => (b as HTMLButtonElement).disabled);
  if (disabled)
    throw new Error(`the popup cannot open the reader: ${await popup.evaluate(() => document.body.innerText)}`);
  await open!.click();

  await page.bringToFront();
  const reader = await waitForFirefoxReader(page);
  const article = await reader.evaluate(() => {
    const el = document.querySelector('article')!;
    return {
      dir: el.getAttribute('dir'),
      lang: el.getAttribute('lang'),
      direction: getComputedStyle(el).direction,
      paragraphs: [...el.querySelectorAll('p')].map((p) => p.textContent ?? ''),
      text: el.innerText,
    };
  });
  expect(article.dir).toBe('rtl');
  expect(article.lang).toBe('ar');
  expect(article.direction).toBe('rtl');
  const text = norm(article.text);
  expect(text).toContain(FIRST);
  expect(text).toContain(LAST);
  const paragraphs = article.paragraphs.map(norm).filter(Boolean);
  expect(paragraphs[0]?.startsWith(FIRST), paragraphs[0]).toBe(true);
  expect(paragraphs.at(-1)?.startsWith(LAST), paragraphs.at(-1)).toBe(true);
  for (const phrase of CLUTTER) expect(text, phrase).not.toContain(phrase);
  // The frame covers the viewport from its left edge, also on this RTL page with classic scrollbars.
  const box = await page.evaluate(() => {
    const r = document.querySelector('qari-reader')!.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, width: document.documentElement.clientWidth };
  });
  expect(box.left).toBe(0);
  expect(box.top).toBe(0);
  expect(box.right).toBeGreaterThanOrEqual(box.width);
  // The bundled Arabic face loads in Firefox (font-display: swap, so wait for it before the screenshot).
  const fonts = await reader.evaluate(async () => {
    await document.fonts.ready;
    return {
      faces: [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`),
      naskh: document.fonts.check('20px "Noto Naskh Arabic"', 'بوتين'),
    };
  });
  expect(fonts.naskh, fonts.faces.join(', ')).toBe(true);
  // Latin inside Arabic (issue 13): drawn with Noto Naskh Arabic's own Latin, loaded through its unicode-range, the
  // same width as that face gives it and not the system fallback's (DejaVu, wider and heavier); and the script's
  // size set once, 20 px × 1.12, whatever the nesting.
  const latin = await reader.evaluate(async () => {
    const p = document.querySelector('article p')!;
    const probe = (family?: string) => {
      const span = document.createElement('span');
      span.textContent = 'M4 UN 2020 Google';
      if (family) span.style.fontFamily = family;
      p.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
    probe();
    await document.fonts.load('400 22.4px "Noto Naskh Arabic"', 'M4 UN 2020 Google');
    await document.fonts.ready;
    return {
      inherited: probe(),
      naskh: probe('"Noto Naskh Arabic"'),
      system: probe('"DejaVu Serif", serif'),
      size: parseFloat(getComputedStyle(p).fontSize),
      latinFace: [...document.fonts].some(
        (f) => f.family.includes('Noto Naskh Arabic') && /^U\+0-FF\b/i.test(f.unicodeRange) && f.status === 'loaded',
      ),
    };
  });
  expect(latin.latinFace).toBe(true);
  expect(latin.inherited).toBeCloseTo(latin.naskh, 0);
  expect(Math.abs(latin.inherited - latin.system)).toBeGreaterThan(3);
  expect(latin.size).toBeCloseTo(22.4, 1);
  console.log(`Firefox, Latin in Arabic: ${JSON.stringify(latin)}`);
  await page.screenshot({ path: `${SHOTS}/firefox-reader-arabic.png` });

  const close = await reader.waitForSelector('::-p-aria([name="Close reader view"][role="button"])');
  await close!.click();
  await page.waitForSelector('qari-reader', { hidden: true });
  expect(await page.evaluate(() => !!document.querySelector('qari-reader'))).toBe(false);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  await popup.close();
});
