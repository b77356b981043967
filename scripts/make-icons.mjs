// Renders the toolbar icons (the Arabic letter qaf, ق, on a green tile) with headless Chromium.
// Run by hand when the icon changes: node scripts/make-icons.mjs; the PNGs are committed under public/icons.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const font = readFileSync(
  'node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
).toString('base64');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>@font-face{font-family:N;src:url(data:font/woff2;base64,${font})}
    html,body{margin:0;background:transparent}
    div{width:${size}px;height:${size}px;border-radius:${size * 0.22}px;background:#0b6e4f;color:#fff;display:flex;
        align-items:center;justify-content:center;font:700 ${size * 0.78}px/1 N;padding-bottom:${size * 0.12}px;box-sizing:border-box}</style>
    <div>ق</div>`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `public/icons/${size}.png`, omitBackground: true });
}
await browser.close();
