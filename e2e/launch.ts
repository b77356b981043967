import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type TestServer } from './server';

/**
 * One Chromium per e2e file with the built extension (dist/) loaded, plus the test server. Follows
 * shared/docs/browser-testing.md: Debian's chromium, new headless, CDP Extensions.triggerAction for the
 * toolbar click (it grants activeTab like a real click), ThirdPartyStoragePartitioning left on.
 */

export interface Qari {
  ctx: BrowserContext;
  sw: Worker;
  extId: string;
  server: TestServer;
  /** Simulated click on the toolbar button for `page`: opens the real popup and grants activeTab. */
  clickAction(page: Page): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  /** The popup opened as a normal tab acting on `tabId` (popup.html?tab=). */
  openPopupTab(tabId: number): Promise<Page>;
  /** Text of the real (toolbar) popup, read from another extension page. */
  realPopupText(from: Page): Promise<string>;
  close(): Promise<void>;
}

const FEATURES_WITHOUT_PARTITIONING_OFF =
  'AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch';

export interface LaunchOptions {
  headless?: boolean;
  lang?: string;
  extDir?: string;
  /**
   * A profile folder to use and keep (a test that closes the browser and opens it again, as a reader would);
   * by default each launch gets a fresh one, removed on close.
   */
  profile?: string;
  /** A test server to use and leave running on close (it outlives a browser the test closes and reopens). */
  server?: TestServer;
}

export async function launchQari(options: LaunchOptions = {}): Promise<Qari> {
  const ext = resolve(options.extDir ?? process.env.EXT_DIR ?? 'dist');
  const server = options.server ?? (await startServer());
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'qari-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 900 },
    locale: options.lang ?? 'en-US',
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--enable-unsafe-extension-debugging',
      `--disable-features=${FEATURES_WITHOUT_PARTITIONING_OFF}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en-US'}`,
    ],
  });
  const first = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extId = new URL(first.url()).host;
  // The worker is replaced when the extension reloads (e.g. after its file access is changed).
  const worker = () =>
    ctx.serviceWorkers().findLast((w) => w.url().startsWith(`chrome-extension://${extId}/`)) ?? first;

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    return worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  };

  return {
    ctx,
    get sw() {
      return worker();
    },
    extId,
    server,
    tabIdOf,
    async clickAction(page) {
      await page.bringToFront();
      const cdp = await ctx.browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets', {
        filter: [{ type: 'tab' }],
      } as never)) as unknown as {
        targetInfos: { url: string; targetId: string }[];
      };
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extId, targetId: tab.targetId } as never);
      await cdp.detach();
    },
    async openPopupTab(tabId) {
      const popup = await ctx.newPage();
      await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('body[data-ready]');
      return popup;
    },
    async realPopupText(from) {
      return from.evaluate(async () => {
        for (let i = 0; i < 200; i++) {
          const view = chrome.extension.getViews({ type: 'popup' })[0];
          if (view?.document.body.dataset.ready) return view.document.body.innerText;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('the toolbar popup never became ready');
      });
    },
    async close() {
      await ctx.close();
      if (!options.server) await server.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
