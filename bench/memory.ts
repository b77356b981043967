import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Qari } from '../e2e/launch';
import { median } from './stats';

/**
 * Figure 5: memory of the browser's processes: their pids from CDP SystemInfo.getProcessInfo, their kind from the
 * process_name metadata of a short CDP trace ("Extension Renderer", "Renderer", "Browser"…), their size from
 * Linux's /proc/<pid>/smaps_rollup (PSS: pages shared between processes are split between them, so the sum does
 * not double-count). Qari's service worker and its pages, the reader frame over a page included, run in the
 * extension renderer; the content script runs in the page's renderer. The tracing service itself is left out.
 */

export interface MemorySample {
  /** PSS of the extension renderer process(es), MiB. */
  extensionMiB: number;
  extensionProcesses: number;
  /** PSS of the web page renderers, MiB. */
  pageRenderersMiB: number;
  /** PSS of every browser process, MiB. */
  totalMiB: number;
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // the process is gone
  }
}

/** pid → Chromium's name for the process, from a 200 ms trace. */
async function processNames(qari: Qari): Promise<Map<number, string>> {
  const cdp = await qari.ctx.browser()!.newBrowserCDPSession();
  const names = new Map<number, string>();
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const e of value as unknown as { name: string; pid: number; args?: { name?: string } }[])
      if (e.name === 'process_name' && e.args?.name) names.set(e.pid, e.args.name);
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['__metadata', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return names;
}

async function sampleOnce(qari: Qari): Promise<MemorySample> {
  const names = await processNames(qari);
  const cdp = await qari.ctx.browser()!.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as unknown as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  const pids = processInfo.map((p) => p.id).filter((pid) => !/tracing/i.test(names.get(pid) ?? ''));
  const extension = pids.filter((pid) => names.get(pid) === 'Extension Renderer');
  const pages = pids.filter((pid) => names.get(pid) === 'Renderer');
  const mib = (list: number[]) => list.reduce((sum, pid) => sum + pssKiB(pid), 0) / 1024;
  return {
    extensionMiB: mib(extension),
    extensionProcesses: extension.length,
    pageRenderersMiB: mib(pages),
    totalMiB: mib(pids),
  };
}

/** Median of 3 samples (memory moves with GC and caches); each sample takes about a quarter second. */
export async function sampleMemory(qari: Qari): Promise<MemorySample> {
  const samples: MemorySample[] = [];
  for (let i = 0; i < 3; i++) samples.push(await sampleOnce(qari));
  const med = (k: keyof MemorySample) => median(samples.map((s) => s[k]));
  return {
    extensionMiB: med('extensionMiB'),
    extensionProcesses: med('extensionProcesses'),
    pageRenderersMiB: med('pageRenderersMiB'),
    totalMiB: med('totalMiB'),
  };
}

/**
 * Whether Qari is in `page` at all: its element, and its content-script world. Chromium names a content
 * script's isolated world after the extension and gives it the extension's origin (CDP
 * Runtime.executionContextCreated); Playwright's own utility worlds do not have that origin.
 */
export async function qariInPage(qari: Qari, page: Page): Promise<{ element: boolean; contentWorlds: number }> {
  const cdp = await qari.ctx.newCDPSession(page);
  const worlds: { origin: string; name: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable'); // reports every existing context first
  await cdp.send('Runtime.disable');
  await cdp.detach();
  const element = await page.evaluate(() => !!Document.prototype.querySelector.call(document, 'qari-reader'));
  return { element, contentWorlds: worlds.filter((w) => w.origin === `chrome-extension://${qari.extId}`).length };
}

/** What the service worker says is registered to run on pages by itself (nothing, for an on-demand design). */
export async function registeredContentScripts(qari: Qari) {
  return qari.sw.evaluate(async () => ({
    registered: (await chrome.scripting.getRegisteredContentScripts()).length,
    declared: chrome.runtime.getManifest().content_scripts?.length ?? 0,
  }));
}
