/**
 * Where "Open reader view" → reader ready goes: `npx tsx bench/profile-reader-open.ts [slug]`. Opens the reader
 * a few times (the first as a warm-up), records a CDP trace of the last opening, and prints, for the extension
 * renderer (where the reader frame runs) and the page's renderer, the top-level tasks of their main threads
 * between the click and body[data-ready], by kind. Not part of `npm run bench`.
 */
import { launchQari } from '../e2e/launch';
import { readerShown, waitForPreparedReader, waitForReader } from '../e2e/pages/reader-frame';
import { blockExternal } from './fixtures';
import { PROBES } from './probes';
import { popupFor } from './reader-open';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

const slug = process.argv[2] ?? 'english-news-wire';
const qari = await launchQari();
await blockExternal(qari.ctx, qari.server.origin);
await qari.ctx.addInitScript({ content: PROBES });
const page = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());
await page.goto(`${qari.server.origin}/fixtures/${slug}/`, { waitUntil: 'load' });
const popup = await popupFor(qari, page);
await qari.ctx.unrouteAll(); // no request interception while tracing the frame's loads

const cdp = await qari.ctx.browser()!.newBrowserCDPSession();
const events: TraceEvent[] = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
for (let run = 0; run < 3; run++) {
  await popup.reload();
  await popup.getByRole('button', { name: 'Open reader view' }).waitFor();
  await waitForPreparedReader(page); // as in the bench: the popup has prepared the frame before the click
  await page.bringToFront();
  const traced = run === 2;
  if (traced)
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          '__metadata',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'toplevel',
          'blink',
          'loading',
          'navigation',
          'ipc',
          'mojom',
          'extensions',
        ],
      },
      transferMode: 'ReportEvents',
    });
  await popup.evaluate(() =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open reader view')!.click(),
  );
  const frame = await waitForReader(page);
  await frame.waitForFunction(
    () => (window as unknown as { __benchStamps: { readyPaintedAt?: number } }).__benchStamps.readyPaintedAt,
  );
  if (traced) {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
  }
  await frame.evaluate(() =>
    setTimeout(() =>
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Close reader view')!.click(),
    ),
  );
  while (await readerShown(page)) await page.waitForTimeout(10);
}
await qari.close();

const names = new Map<number, string>();
const threads = new Map<string, string>();
for (const e of events) {
  if (e.name === 'process_name') names.set(e.pid, e.args!.name!);
  if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args!.name!);
}
// The click: the popup's click event dispatch; the end: the reader's last task before it was ready.
const click = events.find((e) => e.name === 'EventDispatch' && (e.args?.data as { type?: string })?.type === 'click');
const t0 = click?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
const commit = events.find((e) => e.name === 'ParseHTML' && names.get(e.pid) === 'Extension Renderer' && e.ts > t0);
console.log(`click at 0 ms; reader HTML parse starts at ${commit ? ((commit.ts - t0) / 1000).toFixed(1) : '?'} ms`);
for (const kind of ['Extension Renderer', 'Renderer', 'Browser']) {
  const pids = [...names].filter(([, n]) => n === kind).map(([p]) => p);
  const main = events.filter(
    (e) =>
      pids.includes(e.pid) &&
      /CrRendererMain|CrBrowserMain/.test(threads.get(`${e.pid}:${e.tid}`) ?? '') &&
      e.ph === 'X' &&
      e.ts >= t0 &&
      e.ts <= t0 + 400_000,
  );
  const top = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const busy = top.reduce((s, e) => s + (e.dur ?? 0), 0);
  console.log(`\n${kind} main thread: ${(busy / 1000).toFixed(1)} ms busy in the 400 ms after the click`);
  const byName = new Map<string, number>();
  for (const e of main)
    if (!/RunTask|ThreadController|TaskAnnotator/.test(e.name))
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
  for (const [n, d] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${(d / 1000).toFixed(1).padStart(7)} ms  ${n}`);
}
const marks = events
  .filter(
    (e) =>
      (names.get(e.pid) === 'Extension Renderer' || names.get(e.pid) === 'Renderer') &&
      /CrRendererMain/.test(threads.get(`${e.pid}:${e.tid}`) ?? '') &&
      /^(ParseHTML|v8.compileModule|v8.evaluateModule|ParseAuthorStyleSheet|Layout|Paint|PrePaint|MarkDOMContent|EvaluateScript|FunctionCall|FireAnimationFrame|EventDispatch|TimerFire|UpdateLayoutTree)$/.test(
        e.name,
      ) &&
      e.ts >= t0 &&
      e.ts <= t0 + 100_000,
  )
  .sort((a, b) => a.ts - b.ts)
  .slice(0, 60);
// Renderers share the name "Extension Renderer" (popup, reader frame): told apart by pid.
console.log('\nrenderer main threads, first 100 ms after the click (ms after the click, duration, process):');
for (const e of marks)
  console.log(
    `  ${((e.ts - t0) / 1000).toFixed(1).padStart(7)}  ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${`${names.get(e.pid)} ${e.pid}`.padEnd(26)} ${e.name} ${(e.args?.data?.url ?? e.args?.data?.functionName ?? (e.args?.data as { type?: string })?.type ?? '').split('/').pop()}`,
  );
