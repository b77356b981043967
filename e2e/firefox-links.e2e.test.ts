import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQariFirefox, type QariFirefox } from './firefox/launch';

/**
 * "Save link to Qari" in real headless Firefox ESR: no offscreen document there, the background page parses the
 * fetched page itself (DOMParser) and runs the same extraction core. The menu's click handler is called the way
 * menus.onClicked calls it (no native menu can be clicked in a headless test).
 */

let qari: QariFirefox;

beforeAll(async () => {
  qari = await launchQariFirefox();
});

afterAll(async () => {
  await qari?.close();
});

test('Firefox: a link saved from the menu is fetched, extracted in the background page and stored with its image', async () => {
  const { tabId } = await qari.openTab(`${qari.server.origin}/articles/20.html`);
  const popup = await qari.openPopup(tabId);
  const url = `${qari.server.origin}/articles/21.html`;
  const items = await popup.evaluate(async (link) => {
    const background = (await browser.runtime.getBackgroundPage()) as unknown as {
      qariMenu: { items: { id: string }[]; onClicked(info: object): Promise<void> };
    };
    await background.qariMenu.onClicked({
      menuItemId: 'qari-save-link',
      linkUrl: link,
      editable: false,
      modifiers: [],
    });
    return background.qariMenu.items.map((i) => i.id);
  }, url);
  expect(items).toEqual(['qari-save-link', 'qari-save-page']);
  // The article lands in the library: read it there (the extension's own IndexedDB, from its page).
  const saved = await popup.waitForFunction(
    async (link) => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const open = indexedDB.open('qari-library');
        open.onsuccess = () => ok(open.result);
      });
      const all = await new Promise<{ url: string; title: string; images: { missing: boolean }[] }[]>((ok) => {
        const names = db.objectStoreNames.contains('articles');
        if (!names) return ok([]);
        const get = db.transaction('articles').objectStore('articles').getAll();
        get.onsuccess = () => ok(get.result);
      });
      db.close();
      const article = all.find((a) => a.url === link);
      return article ? { title: article.title, images: article.images.map((i) => i.missing) } : null;
    },
    { polling: 100, timeout: 20_000 },
    url,
  );
  expect(await saved.jsonValue()).toEqual({ title: 'Harbour report 21', images: [false] });
});
