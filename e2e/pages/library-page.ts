import type { Page } from 'playwright-core';
import type { Qari } from '../launch';

/** library.html in a tab, once its first page of the list is shown. */
export async function openLibraryPage(qari: Qari): Promise<Page> {
  const page = await qari.ctx.newPage();
  await page.goto(`chrome-extension://${qari.extId}/library.html`);
  await page.waitForSelector('body[data-list-ready]');
  return page;
}

/** Chooses a file in the import panel; resolves with what the panel says it found (or its message). */
export async function chooseImportFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<string> {
  const status = page.locator('#import-status');
  await page.locator('#import-file').setInputFiles(file);
  await status.locator('#import-found, .error').first().waitFor();
  return (await status.locator('#import-found, .error').first().innerText()).trim();
}
