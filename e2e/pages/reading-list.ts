import type { Frame, Page } from 'playwright-core';
import type { Qari } from '../launch';

/** The popup opened as a tab on its "Reading list" tab, once the first page of the list is shown. */
export async function openReadingList(qari: Qari): Promise<Page> {
  const list = await qari.ctx.newPage();
  await list.goto(`chrome-extension://${qari.extId}/popup.html?tab=-1`);
  await list.getByRole('tab', { name: 'Reading list' }).click();
  await list.waitForSelector('body[data-list-ready]');
  return list;
}

/** naturalWidth of every article image once decoded (0 for an image that failed). */
export function articleImageWidths(reader: Page | Frame): Promise<number[]> {
  return reader.locator('article img').evaluateAll((imgs) =>
    Promise.all(
      (imgs as HTMLImageElement[]).map((img) =>
        img.decode().then(
          () => img.naturalWidth,
          () => 0,
        ),
      ),
    ),
  );
}
