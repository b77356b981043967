import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { waitForReader } from './pages/reader-frame';
import {
  arabicLatinFirstTitle,
  arabicPrefixedNested,
  persianAgency,
  URDU_HEADLINE,
  urduEnglishTitle,
} from './rtl/pages';

/**
 * Issue 13, right-to-left on real pages, in real Chromium: Qari's own labels isolated and placed by the article's
 * direction (Range rects), dates and reading time in the article's language, titles and bylines without the site's
 * name, the page's own headline once, each script in its face with its own Latin (CDP CSS.getPlatformFontsForNode),
 * script sizes that do not compound, Nastaliq with room for its ascenders and descenders at the largest size.
 */

const SHOTS = 'out/screenshots';
let qari: Qari;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  qari = await launchQari();
  qari.server.addPage('/rtl/urdu', urduEnglishTitle);
  qari.server.addPage('/rtl/persian', persianAgency);
  qari.server.addPage('/rtl/arabic-nested', arabicPrefixedNested);
  qari.server.addPage('/rtl/arabic-latin-title', arabicLatinFirstTitle);
});

afterAll(async () => {
  await qari?.close();
});

/** Opens the reader over `path` and takes its screenshot at once (before any check can fail), to look at. */
async function openReader(path: string, shot: string): Promise<{ page: Page; popup: Page; reader: Frame }> {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}${path}`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  const reader = await waitForReader(page);
  await reader.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.bringToFront();
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  return { page, popup, reader };
}

/** Screen rect of the first occurrence of `text` inside the element `selector` (a Range, not the element's box). */
function rectOf(reader: Frame, selector: string, text: string) {
  return reader.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(text!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text!.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }
      throw new Error(`"${text}" not in ${selector}`);
    },
    [selector, text],
  );
}

const center = (r: { left: number; right: number }) => (r.left + r.right) / 2;

/** Font families Chromium actually drew `selector`'s text with (CDP CSS.getPlatformFontsForNode). */
async function platformFonts(page: Page, reader: Frame, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(reader);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const fonts = new Set<string>();
    // The element's own text nodes and its descendants' (getPlatformFontsForNode reads one node's text only).
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: -1 });
    const ids: number[] = [];
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId, selector: '*' });
    ids.push(nodeId, ...nodeIds);
    void node;
    for (const id of ids) {
      const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: id });
      for (const f of used) fonts.add(f.familyName);
    }
    return [...fonts];
  } finally {
    await cdp.detach();
  }
}

const px = (reader: Frame, selector: string) =>
  reader.locator(selector).evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));

test('Urdu page with an English <title>: the Urdu headline is the title, once; Nastaliq with its own Latin; Urdu reading time', async () => {
  const { page, popup, reader } = await openReader('/rtl/urdu', 'rtl-urdu-reader');
  expect((await reader.locator('h1.title').textContent())?.trim()).toBe(URDU_HEADLINE);
  const text = await reader.locator('main').innerText();
  expect(text.split(URDU_HEADLINE).length - 1, 'the headline appears once').toBe(1);
  expect(text).not.toContain('National cricket team');

  expect(await reader.locator('#reader').getAttribute('data-script')).toBe('urdu');
  const family = await reader
    .locator('article p')
    .first()
    .evaluate((p) => getComputedStyle(p).fontFamily);
  expect(family).toMatch(/^"?Noto Nastaliq Urdu/);
  // "PCB", "Yo-Yo", 17.4 inside Urdu paragraphs: drawn with the face's own Latin, never a system fallback.
  const used = await platformFonts(page, reader, 'article p');
  expect(used).toEqual(['Noto Nastaliq Urdu']);

  // Reading time in Urdu, its number on the right of its words (the start of a right-to-left label).
  const label = reader.locator('.reading-time');
  expect(await label.getAttribute('lang')).toBe('ur');
  const minutes = (await label.textContent())!.match(/\d+/)![0];
  expect(center(await rectOf(reader, '.reading-time', minutes))).toBeGreaterThan(
    center(await rectOf(reader, '.reading-time', 'منٹ')),
  );
  // The popup offers the faces that fit Urdu, Nastaliq first and chosen.
  const options = await popup.locator('#font').locator('option').allTextContents();
  expect(options[0]).toMatch(/Nastaliq/);
  expect(options.some((o) => /Vazirmatn|Amiri/.test(o))).toBe(false);
  expect(await popup.locator('#font').inputValue()).toBe('nastaliq');
  await popup.close();
  await page.close();
});

test('Urdu at the largest font size: Nastaliq lines leave room for the tallest and deepest glyphs', async () => {
  const { page, popup, reader } = await openReader('/rtl/urdu', 'rtl-urdu-reader-20px');
  const increase = popup.getByRole('button', { name: 'Increase font size' });
  while (await increase.isEnabled()) await increase.click();
  try {
    await expect.poll(() => popup.locator('output').textContent()).toBe('40');
    await expect.poll(async () => (await px(reader, 'article p'))[0]).toBeCloseTo(44.8, 1);
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    // Ink of each laid-out line (canvas measureText of its words, in the same face and size): one line's deepest
    // descent plus the next line's tallest ascent must fit between their baselines (the line height), or the
    // lines' glyphs collide. Words are grouped into lines by their Range rects, as the browser broke them.
    const collisions = await reader.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const out: string[] = [];
      let checked = 0;
      for (const el of Array.from(
        document.querySelectorAll<HTMLElement>('article p, article h2, h1.title, .meta .details, .meta .byline'),
      )) {
        const style = getComputedStyle(el);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        // The headline's words are few and huge: a whole word's ink box overstates how far its tallest letter sits
        // over the deepest letter of the word below (they stagger diagonally, see rtl-urdu-reader-40px.png), so
        // it gets a quarter of a line more; running text is held to the line height itself.
        const lineHeight = parseFloat(style.lineHeight) * (el.matches('h1') ? 1.25 : 1);
        const words: { top: number; left: number; right: number; ascent: number; descent: number }[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.nodeValue!.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const r = range.getBoundingClientRect();
            const m = ctx.measureText(match[0]);
            // Nastaliq's swashes overhang the word's advance: widen its box by a fifth on each side.
            const slack = r.width / 5;
            words.push({
              top: Math.round(r.top),
              left: r.left - slack,
              right: r.right + slack,
              ascent: m.actualBoundingBoxAscent,
              descent: m.actualBoundingBoxDescent,
            });
          }
        }
        const tops = [...new Set(words.map((w) => w.top))].sort((a, b) => a - b);
        for (let i = 1; i < tops.length; i++) {
          const above = words.filter((w) => w.top === tops[i - 1]);
          const below = words.filter((w) => w.top === tops[i]);
          for (const a of above)
            for (const b of below) {
              if (a.right < b.left || b.right < a.left) continue; // not over one another
              checked++;
              const ink = a.descent + b.ascent;
              if (ink > lineHeight) out.push(`${el.className || el.tagName} line ${i}: ink ${ink} > ${lineHeight}`);
            }
        }
      }
      return { out, checked };
    });
    await page.screenshot({ path: `${SHOTS}/rtl-urdu-reader-40px.png` });
    expect(collisions.checked).toBeGreaterThan(20);
    expect(collisions.out).toEqual([]);
  } finally {
    // Back to the default size for the tests after this one.
    await popup.evaluate(() => chrome.storage.sync.remove('settings'));
  }
  await popup.close();
  await page.close();
});

test("Persian: date in the Solar Hijri calendar and reading time, each isolated, in the article's direction; the agency is no author", async () => {
  const { page, popup, reader } = await openReader('/rtl/persian', 'rtl-persian-reader');
  const date = reader.locator('.meta .published');
  const minutes = reader.locator('.meta .reading-time');
  expect(await date.getAttribute('lang')).toBe('fa');
  expect(await date.textContent()).toMatch(/۲۹ بهمن ۱۳۹۸/);
  expect(await minutes.textContent()).toMatch(/^[۰-۹]+ دقیقه مطالعه$/);
  // Right to left: the date first (rightmost), then the dot, then the reading time; the reading time's number on
  // the right of its words, and the clock time (۳:۲۵) on the left of the month: nothing runs into its neighbour.
  const dateBox = await date.boundingBox();
  const sepBox = await reader.locator('.meta .sep').boundingBox();
  const minutesBox = await minutes.boundingBox();
  expect(dateBox!.x).toBeGreaterThan(sepBox!.x);
  expect(sepBox!.x).toBeGreaterThan(minutesBox!.x + minutesBox!.width - 1);
  const n = (await minutes.textContent())!.match(/[۰-۹]+/)![0];
  expect(center(await rectOf(reader, '.meta .reading-time', n))).toBeGreaterThan(
    center(await rectOf(reader, '.meta .reading-time', 'دقیقه')),
  );
  expect(center(await rectOf(reader, '.meta .published', '۳:۲۵'))).toBeLessThan(
    center(await rectOf(reader, '.meta .published', 'بهمن')),
  );
  expect(await reader.locator('.meta .byline').count()).toBe(0);
  expect(await reader.locator('#reader').getAttribute('data-script')).toBe('persian');
  expect(
    await reader
      .locator('article p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontFamily),
  ).toMatch(/^"?Vazirmatn/);
  expect(await platformFonts(page, reader, 'article')).toEqual(['Vazirmatn']);
  expect(await popup.locator('#font').inputValue()).toBe('vazirmatn');
  await popup.close();
  await page.close();
});

test('Sorani (no words of our own): the English "min read" label is isolated, its number stays on its left', async () => {
  const { page, popup, reader } = await openReader('/fixtures/sorani-kurdish-article/', 'rtl-sorani-reader');
  const minutes = reader.locator('.meta .reading-time');
  expect(await minutes.getAttribute('lang')).toMatch(/^en\b/);
  expect(await minutes.getAttribute('dir')).toBe('ltr');
  const text = (await minutes.textContent())!;
  expect(text).toMatch(/^\d+ min read$/);
  expect(center(await rectOf(reader, '.meta .reading-time', text.match(/\d+/)![0]))).toBeLessThan(
    center(await rectOf(reader, '.meta .reading-time', 'min')),
  );
  await popup.close();
  await page.close();
});

test('Arabic: nested <article>s do not compound the script size; the site-name prefix goes from the title (reader and popup); Latin in Naskh', async () => {
  const { page, popup, reader } = await openReader('/rtl/arabic-nested', 'rtl-arabic-reader');
  const sizes = await px(reader, 'article p');
  expect(sizes.length).toBeGreaterThan(4);
  for (const size of sizes) expect(size).toBeCloseTo(22.4, 1);
  expect(await reader.locator('h1.title').textContent()).toMatch(/^بوتين واردوغان/);
  expect(await popup.locator('.title').textContent()).toMatch(/^بوتين واردوغان/);
  expect(await popup.locator('.title').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // "M4", "UN", 6, 15, 900 inside Arabic: Noto Naskh Arabic's own Latin, not DejaVu.
  expect(await platformFonts(page, reader, 'article')).toEqual(['Noto Naskh Arabic']);
  await popup.close();
  await page.close();
});

test("the popup's title box takes its direction from the title's letters, not its first one", async () => {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/rtl/arabic-latin-title`);
  const popup = await popupFor(qari, page);
  const title = popup.locator('.title');
  await title.waitFor();
  expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await popup.screenshot({ path: `${SHOTS}/rtl-popup-latin-first-title.png` });
  await popup.close();
  await page.close();
});

test('Hebrew: date and reading time in Hebrew, set in Frank Ruhl Libre with its own Latin, 6% larger once', async () => {
  const { page, popup, reader } = await openReader('/fixtures/hebrew-blog/', 'rtl-hebrew-reader');
  expect(await reader.locator('.meta .reading-time').getAttribute('lang')).toBe('he');
  expect(await reader.locator('.meta .published').textContent()).toMatch(/בנובמבר 2024/);
  for (const size of await px(reader, 'article p')) expect(size).toBeCloseTo(21.2, 1);
  expect(await platformFonts(page, reader, 'article p')).toEqual(['Frank Ruhl Libre']);
  await popup.close();
  await page.close();
});
