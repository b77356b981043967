/**
 * npm start: builds Qari (done by the npm script), opens Chromium with it loaded on the bundled Arabic demo
 * article, clicks the toolbar button and "Open reader view". With a display the browser stays open for you;
 * without one it runs headless and writes a screenshot of the reader view to out/demo.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchQari } from '../e2e/launch';
import { popupFor } from '../e2e/pages/popup';
import { waitForReader } from '../e2e/pages/reader-frame';

const headed = !!process.env.DISPLAY && !process.env.CI;
const qari = await launchQari({ headless: !headed });
try {
  const page = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());
  await page.goto(`${qari.server.origin}/fixtures/alsumaria-idlib-ceasefire/`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  await popup.close();
  await page.bringToFront();
  const reader = await waitForReader(page);
  const title = await reader.locator('h1').textContent();
  mkdirSync('out', { recursive: true });
  await page.screenshot({ path: 'out/demo.png' });
  process.stdout.write(`Qari opened the reader view on the demo article: "${title}"\n`);
  process.stdout.write(`Screenshot of the reader view: ${resolve('out/demo.png')}\n`);
  if (headed) {
    process.stdout.write('The browser stays open; close it (or press Ctrl+C) to finish.\n');
    await new Promise<void>((done) => qari.ctx.on('close', () => done()));
  }
} finally {
  await qari.close().catch(() => undefined);
}
