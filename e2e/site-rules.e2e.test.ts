import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { readerShown, waitForReader } from './pages/reader-frame';

/**
 * "Remove this block" in the reader: removed on one article of a site, gone from the site's next article, back
 * when restored from the popup. Two pages of one host (the test server), sharing a boilerplate block that the
 * general passes keep: an editor's note with its own stable class.
 */

const SHOTS = 'out/screenshots';
const NOTE =
  "Editor's note: the Harbour Ledger is a member of the Regional Press Association and follows its code of practice.";
const NOTE_AR = 'ملاحظة المحرر: صحيفة الميناء عضو في رابطة الصحافة الإقليمية وتلتزم بميثاقها المهني في كل ما تنشره.';

function articlePage(title: string, words: string[], note: string, lang = 'en'): string {
  const paragraphs = words
    .map((w, i) =>
      lang === 'ar'
        ? `<p>${w} ${i + 1}: اجتمع مجلس الميناء يوم الثلاثاء لمناقشة خطة ${w}، وطرح السكان أسئلة عن الكلفة والتوقيت ` +
          `وأثر المشروع في أسطول الصيد لأكثر من ساعة كاملة.</p>`
        : `<p>${w} ${i + 1}: the harbour board met on Tuesday to discuss the ${w.toLowerCase()} plan, and residents ` +
          `asked questions about cost, timing and the effect on the fishing fleet for more than an hour.</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><a href="/">Harbour Ledger</a></header><main><article><h1>${title}</h1>
${paragraphs}
<figure><img src="/img/pier.png" width="320" height="200" alt=""></figure>
<div class="editors-note"><p>${note}</p></div>
</article></main></body></html>`;
}

let qari: Qari | null = null;
afterAll(async () => {
  await qari?.close();
});

const articleText = async (reader: Frame) => (await reader.locator('article.content').innerText()).replace(/\s+/g, ' ');

async function openReader(q: Qari, page: Page, url: string): Promise<{ popup: Page; reader: Frame }> {
  await page.goto(url);
  const popup = await popupFor(q, page);
  await popup.getByRole('button', { name: /Open reader view|فتح عرض القراءة/ }).click();
  await page.bringToFront();
  return { popup, reader: await waitForReader(page) };
}

const storedRules = (q: Qari) =>
  q.sw.evaluate(async () => {
    const { siteRules } = (await chrome.storage.local.get('siteRules')) as {
      siteRules?: { sites: Record<string, { label: string; rule: unknown }[]> };
    };
    return Object.values(siteRules?.sites ?? {}).flat();
  });

test('a block removed in the reader is gone from the site\'s next article, and back after "Restore" in the popup', async () => {
  mkdirSync(SHOTS, { recursive: true });
  qari = await launchQari();
  const q = qari;
  q.server.addPage(
    '/news/one.html',
    articlePage('Harbour board votes on the new pier', ['Pier', 'Budget', 'Crane', 'Dredging', 'Tides'], NOTE),
  );
  q.server.addPage(
    '/news/two.html',
    articlePage('Fish market reopens after the storm', ['Market', 'Storm', 'Roof', 'Stalls', 'Ferry'], NOTE),
  );
  const page = q.ctx.pages()[0] ?? (await q.ctx.newPage());

  // 1. Article one: the note is there; remove it in edit mode, by keyboard.
  let { popup, reader } = await openReader(q, page, `${q.server.origin}/news/one.html`);
  expect(await articleText(reader)).toContain(NOTE);
  await reader.getByRole('button', { name: 'Remove blocks' }).click();
  expect(await reader.getByRole('button', { name: 'Done removing' }).getAttribute('aria-pressed')).toBe('true');
  const block = reader.locator('article.content .removable', { hasText: "Editor's note" });
  await block.hover();
  await page.screenshot({ path: `${SHOTS}/reader-edit-mode.png`, caret: 'initial' });
  await block.focus();
  await reader.locator('body').press('Delete');
  await reader.getByRole('status').filter({ hasText: 'Block removed' }).waitFor();
  expect(await articleText(reader)).not.toContain(NOTE);
  // Remembered for the site, by the class the site gives the block (it generalizes), not its words.
  await expect
    .poll(() => storedRules(q))
    .toEqual([expect.objectContaining({ rule: { kind: 'selector', selector: 'div.editors-note' } })]);

  // Undo puts it back at once and forgets the rule; remove it again by click.
  await reader.getByRole('button', { name: 'Undo' }).click();
  expect(await articleText(reader)).toContain(NOTE);
  await expect.poll(() => storedRules(q)).toEqual([]);
  await reader.locator('article.content .removable', { hasText: "Editor's note" }).click();
  await expect.poll(() => storedRules(q)).toHaveLength(1);
  expect(await articleText(reader)).not.toContain(NOTE);
  // An image with no text goes here too, but nothing can find it on other pages, and the notice says so.
  await reader.locator('article.content figure.removable').click();
  await reader.getByRole('status').filter({ hasText: 'Qari found no way to recognize it' }).waitFor();
  expect(await reader.locator('article.content figure').count()).toBe(0);
  expect(await storedRules(q)).toHaveLength(1);
  await reader.getByRole('button', { name: 'Close reader view' }).click();
  await expect.poll(() => readerShown(page)).toBe(false);
  await popup.close();

  // 2. Article two of the same site: the note is gone from the start.
  ({ popup, reader } = await openReader(q, page, `${q.server.origin}/news/two.html`));
  const text = await articleText(reader);
  expect(text).toContain('Market 1: the harbour board');
  expect(text).not.toContain(NOTE);

  // 3. The popup lists it for this site; "Restore" brings it back in the open reader, live.
  const item = popup.locator('.removed-blocks li');
  await expect.poll(() => item.count()).toBe(1);
  expect(await item.innerText()).toContain("Editor's note");
  await popup.screenshot({ path: `${SHOTS}/popup-removed-blocks.png` });
  await popup.getByRole('button', { name: /^Restore/ }).click();
  await expect.poll(() => articleText(reader)).toContain(NOTE);
  await expect.poll(() => item.count()).toBe(0);
  expect(await storedRules(q)).toEqual([]);
  await popup.close();
  await q.close();
  qari = null;
});

test("Arabic interface: the reader's edit mode and the popup list speak Arabic and mirror", async () => {
  qari = await launchQari({ lang: 'ar' });
  const q = qari;
  q.server.addPage(
    '/ar/one.html',
    articlePage(
      'مجلس الميناء يصوت على الرصيف الجديد',
      ['الرصيف', 'الميزانية', 'الرافعة', 'التجريف', 'المد'],
      NOTE_AR,
      'ar',
    ),
  );
  const page = q.ctx.pages()[0] ?? (await q.ctx.newPage());
  const { popup, reader } = await openReader(q, page, `${q.server.origin}/ar/one.html`);
  await reader.getByRole('button', { name: 'إزالة كتل' }).click();
  expect(await reader.locator('.toolbar').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const block = reader.locator('article.content .removable', { hasText: 'ملاحظة المحرر' });
  await block.hover();
  await page.screenshot({ path: `${SHOTS}/reader-edit-mode-ar.png`, caret: 'initial' });
  await block.click();
  await reader.getByRole('status').filter({ hasText: 'أُزيلت الكتلة' }).waitFor();
  const item = popup.locator('.removed-blocks li');
  await expect.poll(() => item.count()).toBe(1);
  expect(await popup.getByRole('heading', { name: 'المُزال في هذا الموقع' }).count()).toBe(1);
  await popup.screenshot({ path: `${SHOTS}/popup-removed-blocks-ar.png` });
  await popup.close();
});
