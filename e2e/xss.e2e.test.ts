import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { readerShown, waitForReader } from './pages/reader-frame';
import type { BeaconHit } from './server';
import { xssArticlePage, xssArticlePagePayloads } from './xss/payloads';

/**
 * A hostile article (e2e/xss/payloads.ts: script tags, handlers, javascript: URLs, SVG/MathML tricks, srcdoc,
 * CSS, meta refresh, <base>, forms, clobbering…) goes through extraction in the content script and rendering
 * in the reader. Three independent proofs that nothing of it executes in the reader: no beacon request from
 * the extension's origin, no CSP violation reported in the reader (each would be markup the sanitizer let
 * through), and no dangerous element, attribute or URL in the reader's DOM at all.
 */

let qari: Qari;
const fromReader = (hit: BeaconHit) =>
  [hit.query.get('where'), hit.query.get('origin'), hit.referer].some((v) => v?.startsWith('chrome-extension:'));

beforeAll(async () => {
  qari = await launchQari();
});

afterAll(async () => {
  await qari?.close();
});

/** Everything in the reader's article that could run script, load a page resource or restyle the reader. */
function dangerIn(frame: Frame) {
  return frame.evaluate(() => {
    const found: string[] = [];
    const root = document.querySelector('main')!;
    const banned =
      'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, meta, link, style, svg, math, template, noscript, portal, video, audio, source:not(picture > source), marquee, isindex, xmp, plaintext';
    for (const el of Array.from(root.querySelectorAll(banned))) found.push(`element <${el.tagName.toLowerCase()}>`);
    const safeUrl = /^(https?:|mailto:|tel:|#|blob:|data:image\/(png|jpe?g|gif|webp|avif|bmp);)/i;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (
          name.startsWith('on') ||
          [
            'style',
            'srcdoc',
            'formaction',
            'action',
            'ping',
            'background',
            'xlink:href',
            'data',
            'poster',
            'popover',
            'popovertarget',
            'usemap',
          ].includes(name)
        ) {
          found.push(`attribute ${name} on <${el.tagName.toLowerCase()}>`);
        }
        if (['href', 'src', 'cite'].includes(name) && attr.value && !safeUrl.test(attr.value.trim()))
          found.push(`${name}=${attr.value.slice(0, 60)}`);
        if (name === 'srcset' && attr.value.split(',').some((c) => !safeUrl.test(c.trim())))
          found.push(`srcset=${attr.value.slice(0, 60)}`);
      }
    }
    return found;
  });
}

test('a hostile article is read without executing anything in the reader', async () => {
  const beacon = `${qari.server.origin}/beacon`;
  const payloads = xssArticlePagePayloads(beacon, { extensionOrigin: `chrome-extension://${qari.extId}` });
  expect(payloads.length).toBeGreaterThanOrEqual(50);
  qari.server.addPage(
    '/xss/water-board.html',
    xssArticlePage(beacon, { extensionOrigin: `chrome-extension://${qari.extId}` }),
  );

  const page = await qari.ctx.newPage();
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy') && msg.location().url.startsWith('chrome-extension:'))
      violations.push(`${msg.location().url} ${msg.text().slice(0, 40)}`);
  });
  page.on('dialog', (dialog) => {
    violations.push(`dialog from ${dialog.page()?.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${qari.server.origin}/xss/water-board.html`);
  await page.waitForLoadState('networkidle');
  // The tripwire works: payloads outside the article fire on the page itself, which is not ours to protect.
  expect(qari.server.beaconHits.some((hit) => hit.query.get('id') === 'script-plain--head')).toBe(true);
  const pageHits = qari.server.beaconHits.length;

  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  await page.bringToFront();
  const reader = await waitForReader(page);
  // Parsing hostile markup in the reader's inert sanitizer document already meets the CSP (blocked handlers,
  // a blocked <base>): that is the CSP working as a second wall. What counts is what happens from here on.
  const violationsWhileSanitizing = violations.length;
  expect(await reader.locator('h1').textContent()).toContain('water board');
  const paragraphs = await reader.locator('article p').count();
  expect(paragraphs).toBeGreaterThan(8);

  // Give every user-triggered vector its trigger: hover and focus every element, open every <details>.
  await reader.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('article *'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart', 'toggle'])
        el.dispatchEvent(new Event(type, { bubbles: true }));
      if (el instanceof HTMLElement) el.focus();
    }
  });
  // Round trips through the reader's own event loop and the network, so anything queued has had its turn.
  await reader.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await page.waitForLoadState('networkidle');

  expect(await dangerIn(reader)).toEqual([]);
  expect(violations.slice(violationsWhileSanitizing)).toEqual([]);
  const newHits = qari.server.beaconHits.slice(pageHits);
  expect(newHits.filter(fromReader).map((h) => h.query.get('id'))).toEqual([]);
  expect(newHits.map((h) => `${h.path}?${h.query}`)).toEqual([]);
  await popup.close();
  await page.close();
});

test('markup that clobbers DOM APIs cannot break extraction', async () => {
  // <input name="removeAttribute"> inside a form shadows form.removeAttribute, which Readability calls;
  // <form id="browser"> would shadow window.browser, which webextension-polyfill probes; named images and
  // forms shadow document.body, createElement, querySelector, cloneNode; an id fakes Qari's instance flag.
  const body = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of a plain article about the harbour board's spending, long enough to read as prose and score as content in any extractor.</p>`,
  ).join('\n');
  qari.server.addPage(
    '/xss/clobber.html',
    `<!doctype html><html lang="en"><head><title>Harbour board accounts</title></head><body>
      <form id="browser"><input name="runtime" id="x"><input name="id" value="fake"></form>
      <img name="createElement" alt=""><img name="cloneNode" alt=""><form name="querySelector"></form>
      <img name="documentElement" alt=""><img name="activeElement" alt=""><div id="__qariContent"></div>
      <article><h1>Harbour board accounts</h1><form class="poll"><input name="removeAttribute"><input name="attributes"></form>${body}</article>
    </body></html>`,
  );
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/xss/clobber.html`);
  const popup = await popupFor(qari, page);
  expect(await popup.locator('.notice').allInnerTexts()).toEqual([]);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  const reader = await waitForReader(page);
  expect(await reader.locator('article p').count()).toBe(8);
  // The frame goes away as the click lands: click from a task of the frame's own, so this call returns before
  // the frame is detached (dispatchEvent could still be waiting for its answer then, and fail).
  expect(await reader.getByRole('button', { name: 'Close reader view' }).count()).toBe(1);
  await reader.evaluate(() => {
    const close = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Close reader view')!;
    setTimeout(() => close.click());
  });
  await expect.poll(() => readerShown(page)).toBe(false);
  await popup.close();
  await page.close();
});
