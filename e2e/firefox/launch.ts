import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { buildTestExtension, TEST_HOSTS } from '../../scripts/build-test-extension';
import { startServer, type TestServer } from '../server';

/**
 * One headless Firefox ESR per e2e file, driven by puppeteer-core over WebDriver BiDi (there is no
 * geckodriver), with the test variant of the extension installed (out/dist-firefox-test: dist/ plus a host
 * permission for the test server, see scripts/build-test-extension.ts). A test cannot click the toolbar
 * button, so activeTab is never granted in Firefox; the host permission stands in for it.
 *
 * Firefox gotchas this works around (shared/docs/browser-testing.md, "Firefox"):
 * - BiDi refuses page.goto('moz-extension://…'). A web page may navigate itself to a web_accessible resource
 *   (reader.html); from there, an extension page, it may go on to any page of the extension (popup.html).
 * - Puppeteer's page.url() and frame.url() stay stale (about:blank, or the web page's URL) for extension
 *   pages and frames; location.href read with evaluate() is right.
 */

/** Fixed moz-extension:// UUID for the gecko id (pref extensions.webextensions.uuids), so tests know the URLs. */
export const GECKO_ID = 'qari@qari-reader.org';
export const EXT_UUID = '5d0b6c2e-7a43-4c1f-9e2a-3f1b8d6a9c01';
export const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

export interface QariFirefox {
  browser: Browser;
  server: TestServer;
  /** Opens `url` in a new tab and returns the page and its extension tab id. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** popup.html?tab=<tabId> opened as a normal tab, once it has set body[data-ready]. */
  openPopup(tabId: number): Promise<Page>;
  /** An extension page (`/library.html`, `/saved.html?id=…`) in a new tab, once loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates an open extension page to another of Qari's pages, once loaded. */
  goToExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /**
   * The production manifest, with no host access at all: for the permission flow itself. Firefox is then set to
   * grant an optional permission request without its prompt (extensions.webextOptionalPermissionPrompts), which
   * it does only for a request made while handling the user's input, as from a real click.
   */
  noHostAccess?: boolean;
}

export async function launchQariFirefox(options: FirefoxLaunchOptions = {}): Promise<QariFirefox> {
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath))
    throw new Error(
      `Firefox not found at ${executablePath}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  const extension = options.noHostAccess
    ? buildTestExtension('dist', 'out/dist-firefox-no-hosts', [])
    : buildTestExtension();
  const server = await startServer();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      defaultViewport: { width: 1100, height: 900 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
        // MV3 host_permissions are only requests in Firefox until granted. This pref (true by default in
        // 153 ESR; set here so that cannot silently change) grants them on install. With false, origins stay
        // [] and the popup says "Qari was not allowed to read this page".
        'extensions.originControls.grantByDefault': true,
        'intl.locale.requested': 'en-US',
        ...(options.noHostAccess && { 'extensions.webextOptionalPermissionPrompts': false }),
        // Hermetic: every origin but the test server goes to a closed port and fails at once. The fixture
        // pages name real ad, font and analytics hosts; left to fail on their own, their pending lookups kept
        // Firefox from exiting, and puppeteer's close() waited its full 5 s before killing it.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1',
      },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  try {
    return await setUp(browser, server, extension, options.noHostAccess ? [] : TEST_HOSTS);
  } catch (error) {
    await browser.close().finally(() => server.close());
    throw error;
  }
}

async function setUp(
  browser: Browser,
  server: TestServer,
  extension: string,
  hosts: readonly string[],
): Promise<QariFirefox> {
  const id = await browser.installExtension(extension);
  if (id !== GECKO_ID) throw new Error(`installed add-on id is ${id}, expected ${GECKO_ID}`);

  // An extension page to call extension APIs from: a blank test page navigates itself to reader.html (web
  // accessible). Without ?tab= the reader only shows "Nothing to show", which is all we need of it.
  server.addPage('/firefox-helper', '<!doctype html><title>helper</title>');
  const helper = await browser.newPage();
  await helper.goto(`${server.origin}/firefox-helper`);
  await goWithin(helper, `${EXT_ORIGIN}/reader.html`, 'web page → web_accessible reader.html');
  const origins = await helper.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
  for (const host of hosts)
    if (!origins.includes(host))
      throw new Error(`Firefox did not grant the host permission ${host} (granted: ${JSON.stringify(origins)})`);

  const tabIdOf = async (url: string): Promise<number> => {
    const tabs = await helper.evaluate(async () => (await chrome.tabs.query({})).map((t) => [t.id, t.url] as const));
    const match = tabs.filter(([, u]) => u === url);
    if (match.length !== 1) throw new Error(`expected one tab at ${url}, tabs are ${JSON.stringify(tabs)}`);
    return match[0]![0]!;
  };

  return {
    browser,
    server,
    async openTab(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return { page, tabId: await tabIdOf(url) };
    },
    async openPopup(tabId) {
      const popup = await browser.newPage();
      await popup.goto(`${server.origin}/firefox-helper`);
      await goWithin(popup, `${EXT_ORIGIN}/reader.html`, 'web page → web_accessible reader.html');
      await goWithin(popup, `${EXT_ORIGIN}/popup.html?tab=${tabId}`, 'reader.html → popup.html');
      await popup.waitForFunction(() => document.body?.dataset.ready !== undefined, { polling: 20 });
      return popup;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/firefox-helper`);
      await goWithin(page, `${EXT_ORIGIN}/reader.html`, 'web page → web_accessible reader.html');
      await goWithin(page, `${EXT_ORIGIN}${path}`, `reader.html → ${path}`);
      return page;
    },
    async goToExtensionPage(page, path) {
      await goWithin(page, `${EXT_ORIGIN}${path}`, `→ ${path}`);
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}

/** Navigates `page` to `url` from inside the page (what BiDi allows) and waits until it is loaded there. */
async function goWithin(page: Page, url: string, what: string): Promise<void> {
  await page.evaluate((to) => {
    location.href = to;
  }, url);
  await page
    .waitForFunction((to) => location.href === to && document.readyState === 'complete', { polling: 20 }, url)
    .catch((error: unknown) => {
      throw new Error(`navigation ${what} did not arrive at ${url}`, { cause: error });
    });
}

/**
 * The reader iframe over `page`. It sits in a closed shadow root (no selector reaches it) and puppeteer
 * reports its URL as about:blank, so each child frame is asked where it is; a new frame wakes the search.
 */
export async function waitForFirefoxReader(page: Page, state: 'ok' | 'error' = 'ok'): Promise<Frame> {
  const prefix = `${EXT_ORIGIN}/reader.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(prefix)) {
        await frame.waitForFunction(
          (s) => document.body?.dataset.ready === s || document.body?.dataset.ready === 'error',
          { polling: 20, timeout: 15_000 },
          state,
        );
        const ready = await frame.evaluate(() => document.body.dataset.ready);
        if (ready !== state)
          throw new Error(`reader says "${ready}": ${await frame.evaluate(() => document.body.innerText)}`);
        return frame;
      }
    }
    if (Date.now() > deadline) throw new Error('the reader frame never appeared');
    // A frame may be attached but still at about:blank: wake on the next frame event, or look again soon.
    await new Promise<void>((done) => {
      const wake = () => {
        clearTimeout(timer);
        page.off('frameattached', wake).off('framenavigated', wake);
        done();
      };
      const timer = setTimeout(wake, 100);
      page.on('frameattached', wake).on('framenavigated', wake);
    });
  }
}
