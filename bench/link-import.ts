import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchQari } from '../e2e/launch';
import { sampleMemory, type MemorySample } from './memory';

/**
 * An import of `count` links through the save queue, against the local test server: the real message
 * (`enqueueEntries` from library.html, one call), the real queue, fetch, offscreen extraction, image download and
 * library write. The links alternate between two host names of the server (127.0.0.1 and localhost): the queue
 * runs at most one job per host, so this is the speed of an import spread over two sites. A copy of dist/ gets host
 * access to both and a stand-in library.html (the library page itself is another part of issue 12).
 */

export interface LinkImport {
  count: number;
  ms: number;
  perSecond: number;
  saved: number;
  failed: number;
  /** Sampled when half of the links were saved. */
  during: MemorySample;
  /** Popup opened on its reading list to painted, ms: halfway through the import, and once it is over. */
  popupBusyMs: number;
  popupIdleMs: number;
}

/** The popup opened as a tab on its reading list, until the list is painted: what a reader waits for. */
async function timePopup(qari: Awaited<ReturnType<typeof launchQari>>): Promise<number> {
  const popup = await qari.ctx.newPage();
  try {
    const started = performance.now();
    await popup.goto(`chrome-extension://${qari.extId}/popup.html?tab=-1`);
    await popup.waitForSelector('body[data-ready]');
    await popup.getByRole('tab', { name: 'Reading list' }).click();
    await popup.waitForSelector('body[data-list-ready]');
    return performance.now() - started;
  } finally {
    await popup.close();
  }
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title><script src="library-bench.js"></script>`;
// Sends the entries as the library page will, and resolves on the queueProgress event that says nothing is left.
const SCRIPT = `
window.importLinks = (entries) => chrome.runtime.sendMessage({ qari: 'v1', to: 'background', method: 'enqueueEntries', args: { entries, batchLabel: 'Bench' } });
window.progressUntil = (saved) => new Promise((done) => {
  const listener = (m) => {
    if (m && m.qari === 'v1' && m.to === 'event' && m.method === 'queueProgress') {
      const o = m.args.overall;
      if (o.saved + o.failed >= saved || (o.left === 0 && o.running === 0)) { chrome.runtime.onMessage.removeListener(listener); done(o); }
    }
  };
  chrome.runtime.onMessage.addListener(listener);
});`;

export async function measureLinkImport(count: number): Promise<LinkImport> {
  const out = resolve('out/bench-links');
  rmSync(out, { recursive: true, force: true });
  cpSync(resolve('dist'), out, { recursive: true });
  const manifestPath = resolve(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(resolve(out, 'library.html'), PAGE);
  writeFileSync(resolve(out, 'library-bench.js'), SCRIPT);

  const qari = await launchQari({ extDir: out });
  try {
    const port = new URL(qari.server.origin).port;
    const page = await qari.ctx.newPage();
    await page.goto(`chrome-extension://${qari.extId}/library.html`);
    const entries = Array.from({ length: count }, (_, i) => ({
      url: `http://${i % 2 ? 'localhost' : '127.0.0.1'}:${port}/articles/${100_000 + i}.html`,
      source: 'pocket',
      tags: [],
      state: 'unread',
    }));
    const half = page.evaluate(
      (n) => (window as unknown as { progressUntil(n: number): Promise<unknown> }).progressUntil(n),
      Math.floor(count / 2),
    );
    const all = page.evaluate(
      (n) => (window as unknown as { progressUntil(n: number): Promise<unknown> }).progressUntil(n),
      count,
    );
    const started = performance.now();
    const reply = (await page.evaluate(
      (e) => (window as unknown as { importLinks(e: unknown): Promise<unknown> }).importLinks(e),
      entries,
    )) as { value?: { queued: number }; error?: { message: string } };
    if (!reply.value) throw new Error(`enqueueEntries: ${reply.error?.message}`);
    await half;
    const during = await sampleMemory(qari);
    const popupBusyMs = await timePopup(qari);
    const overall = (await all) as { saved: number; failed: number };
    const ms = performance.now() - started;
    const popupIdleMs = await timePopup(qari);
    return {
      count,
      ms,
      perSecond: (overall.saved / ms) * 1000,
      saved: overall.saved,
      failed: overall.failed,
      during,
      popupBusyMs,
      popupIdleMs,
    };
  } finally {
    await qari.close();
  }
}
