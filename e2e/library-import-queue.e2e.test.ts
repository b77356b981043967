import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { chooseImportFile, openLibraryPage } from './pages/library-page';

/**
 * Import through the save queue, from the library page: a Pocket export of the test server's pages goes to
 * the background, the page shows the progress and counts, the failures with their reason, and the saved
 * articles arrive with their tags and state. The build is dist/ with host access granted in its manifest:
 * the prompt of permissions.request cannot be answered in a headless run (shared/docs/browser-testing.md),
 * and the page asks only when access is missing (permissions.contains).
 */

const SHOTS = '/tmp/library-shots';
const work = mkdtempSync(join(tmpdir(), 'qari-import-queue-'));
let qari: Qari;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const ext = join(work, 'ext');
  cpSync(resolve('dist'), ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = ['https://*/*', 'http://*/*'];
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  qari = await launchQari({ extDir: ext });
});

afterAll(async () => {
  await qari?.close();
  rmSync(work, { recursive: true, force: true });
});

test('a Pocket export is saved through the queue, with progress, failures in plain words, tags and states', async () => {
  const origin = qari.server.origin;
  const rows = [
    'title,url,time_added,tags,status',
    ...[1, 2, 3, 4].map(
      (n) =>
        `Harbour report ${n},${origin}/articles/${n}.html,${1_700_000_000 + n * 60},harbour|${n % 2 ? 'odd' : 'even'},${n === 4 ? 'archive' : 'unread'}`,
    ),
    `Gone,${origin}/no-such-page,1700000900,,unread`,
    `A PDF,${origin}/files/report.pdf,1700000960,,unread`,
  ];
  const page = await openLibraryPage(qari);
  expect(
    await chooseImportFile(page, { name: 'pocket.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) }),
  ).toBe('Links: 6 · Tags: 3 · Skipped: 0');
  await page.locator('#import-start').click();
  await page.locator('#import-status .notice').filter({ hasText: '6 links are being saved' }).waitFor();

  const progress = page.locator('#import-progress');
  await progress.waitFor();
  await expect
    .poll(() => progress.locator('.counts').innerText(), { timeout: 45_000 })
    .toMatch(/Saved: 4[\s\S]*Failed: 2[\s\S]*Left: 0/);
  expect(await progress.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([6, 6]);
  const failures = await progress.locator('.failures li').allInnerTexts();
  expect(failures).toHaveLength(2);
  for (const failure of failures) expect(failure).toMatch(/\n.{10,}/); // a title line, then a reason in words

  await expect
    .poll(() => page.locator('.items .item-title').allInnerTexts())
    .toEqual(['Harbour report 4', 'Harbour report 3', 'Harbour report 2', 'Harbour report 1']);
  expect(await page.locator('.tag-filter .tag').allInnerTexts()).toEqual(['All tags', 'harbour 4', 'even 2', 'odd 2']);
  await page.locator('#library-filter').selectOption('archived');
  await expect.poll(() => page.locator('.items .item-title').allInnerTexts()).toEqual(['Harbour report 4']);
  await page.locator('#library-filter').selectOption('all');
  await expect.poll(() => page.locator('.items .item').count()).toBe(4);
  await page.screenshot({ path: `${SHOTS}/library-import-progress-en.png`, fullPage: true });

  // Retry runs the failed ones again (they fail again: the page is still gone, the PDF still a PDF).
  await progress.getByRole('button', { name: 'Retry' }).click();
  await expect
    .poll(() => progress.locator('.counts').innerText(), { timeout: 45_000 })
    .toMatch(/Failed: 2[\s\S]*Left: 0/);
  await page.close();
});

test('pause holds the waiting pages, resume runs them, cancel drops them', async () => {
  const origin = qari.server.origin;
  const page = await openLibraryPage(qari);
  const progress = page.locator('#import-progress');
  const counts = async () => {
    const text = await progress.locator('.counts').innerText();
    const read = (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(text)?.[1]);
    return { saved: read('Saved'), left: read('Left') };
  };
  const importRows = async (numbers: number[]) => {
    const rows = [
      'title,url,time_added,tags,status',
      ...numbers.map((n) => `R${n},${origin}/gated/${n}.html,,,unread`),
    ];
    await chooseImportFile(page, { name: 'pocket.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.locator('#import-start').click();
  };
  await expect.poll(async () => (await counts()).left).toBe(0);
  const base = (await counts()).saved;

  // Six pages of one site: one runs (held at the server), five wait. Pause, then let the one running finish.
  await importRows([201, 202, 203, 204, 205, 206]);
  await qari.server.gatedRequest();
  await progress.getByRole('button', { name: 'Pause' }).click();
  await progress.getByRole('button', { name: 'Resume' }).waitFor();
  qari.server.openGate();
  await expect.poll(counts).toEqual({ saved: base + 1, left: 5 });
  // Paused: with the site answering at once, an unpaused queue would have saved the five by now.
  await page.reload();
  await progress.getByRole('button', { name: 'Resume' }).waitFor();
  expect(await counts()).toEqual({ saved: base + 1, left: 5 });
  await progress.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(counts, { timeout: 20_000 }).toEqual({ saved: base + 6, left: 0 });

  // Five more, the site holding the first again: cancel drops the four waiting; the running one still lands.
  qari.server.closeGate();
  await importRows([301, 302, 303, 304, 305]);
  await qari.server.gatedRequest();
  await expect.poll(async () => (await counts()).left).toBe(5);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(async () => (await counts()).left).toBe(1);
  qari.server.openGate();
  await expect.poll(counts).toEqual({ saved: base + 7, left: 0 });
  const titles = await page.locator('.items .item-title').allInnerTexts();
  expect(titles.filter((t) => /^Harbour report 20\d$/.test(t))).toHaveLength(6);
  expect(titles.filter((t) => /^Harbour report 30\d$/.test(t))).toEqual(['Harbour report 301']);
  await page.close();
});
