/**
 * npm run bench:quality -- --corpus DIR [--split dev|validation|all] [--type TYPE] [--limit N] [--only ID,ID]
 *                          [--jobs N] [--minutes M] [--json PATH] [--texts] [--passes [--sample N]
 *                          [--pass-names NAME,NAME]] [--heap]
 *
 * Extraction accuracy on real pages: the WCXB development split (Murrough-Foley/web-content-extraction-benchmark,
 * CC-BY-4.0; `scripts/get-wcxb.sh` fetches its `dev/` into DIR). DIR holds `html/NNNN.html.gz` and
 * `ground-truth/NNNN.json` (DIR may also be the checkout's root, with those under `dev/`).
 *
 * Every page is extracted twice in the same process, each from its own parse of the page's bytes (jsdom sniffs
 * the encoding as a browser would):
 * - plain Readability: `new Readability(doc).parse()` with its defaults, predicted text its `textContent` (not
 *   Qari's `passes: false`, which is Readability plus Qari's metadata, text joining and "not an article" refusal);
 * - Qari: the Node path (`extractHtml`, as the CLI runs it, with the CLI's time budget), predicted text the
 *   Article's `textContent`; a page Qari refuses predicts the empty string. No time budget unless `--budget MS`
 *   (the CLI's is CLI_BUDGET_MS): it is wall-clock time, so a loaded machine would score pages as "too large".
 *
 * Scores, per page type and overall:
 * - WCXB's own metric, as its evaluate.py computes it: lower-cased `\w+` tokens, per-page bag-of-words
 *   precision / recall / F1 (empty truth and empty prediction: 1/1/1; empty prediction: 0/0/0), each averaged over
 *   pages; `with` / `without` snippet rates (share of snippets found case-insensitively in the text, 1 when a page
 *   has none), averaged over pages.
 * - The scrapinghub word-shingle metric (bench/shingle-metric.ts), with `main_content` as the truth.
 * - Empty outputs (no token at all), and those on pages whose truth has 100+ words.
 * - Title / byline / date agreement, over pages whose truth has the field: the title (byline) agrees when the
 *   lower-cased word sequence of the truth occurs in the predicted one or the other way round (so "Title | Site"
 *   agrees with "Title"); the date agrees when the predicted date's YYYY-MM-DD equals the truth's.
 * - The pages where Qari's F1 falls furthest below Readability's; median / p95 time per page (parse + extract,
 *   and extract alone), and Qari's time per pass (the `onPass` hook of extractArticle).
 *
 * The validation tenth: the pages whose numeric file id is divisible by 10 (159 of 1,497). It is looked at only to
 * report: by default the two are reported separately, "dev" meaning dev minus validation.
 *
 * `--minutes M`: stop taking new pages after M minutes and report on those done (validation first, then dev in an
 * order spread evenly over the ids, so a cut-short run is a sample, and says so).
 *
 * `--passes`: the effect of each pass, leaving it out in turn (the names are the keys of Qari's `stats`, plus the
 * before+after twins together) on an evenly spaced sample of the selected pages (`--sample N`, default 150: all
 * 1,497 pages times ~30 passes is hours on two cores).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { isSkipName, SKIP_NAMES, type SkipName } from '../src/extract/extract-article';
import { extractHtml } from '../src/node/extract-html';
import { decodeHtml } from '../src/page-fetch/decode-html';

import { metricsOrNull, shingleMatching, tokenize, type Metrics, type TpFpFn } from './shingle-metric';

// ---------------------------------------------------------------------------------------------------------------
// WCXB's metric: a port of its evaluate.py (tokenize, word_f1, snippet_check).

/** `re.findall(r'\w+', text.lower())`: Python's `\w` is \p{L} ∪ \p{N} ∪ {_} (see shingle-metric.ts). */
export function wcxbTokens(text: string): string[] {
  return text ? tokenize(text.toLowerCase()) : [];
}

export function wordF1(predicted: string, reference: string): [precision: number, recall: number, f1: number] {
  const pred = wcxbTokens(predicted);
  const ref = wcxbTokens(reference);
  if (ref.length === 0) return pred.length === 0 ? [1, 1, 1] : [0, 0, 0];
  if (pred.length === 0) return [0, 0, 0];
  const refCounts = new Map<string, number>();
  for (const t of ref) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  const predCounts = new Map<string, number>();
  for (const t of pred) predCounts.set(t, (predCounts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const [t, n] of predCounts) overlap += Math.min(n, refCounts.get(t) ?? 0);
  const precision = overlap / pred.length;
  const recall = overlap / ref.length;
  return [precision, recall, precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0];
}

export function snippetRate(text: string, snippets: readonly string[]): number {
  if (snippets.length === 0) return 1;
  const lower = text.toLowerCase();
  return snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length;
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus.

export const PAGE_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'];

/** The fixed validation tenth: numeric file id divisible by 10. Never tune on these pages. */
export const isValidation = (id: string) => Number(id) % 10 === 0;

interface Truth {
  id: string;
  url: string;
  type: string;
  split: 'dev' | 'validation';
  title: string | null;
  author: string | null;
  date: string | null;
  mainContent: string;
  with: string[];
  without: string[];
  words: number;
}

function corpusDirs(dir: string): { html: string; truth: string } {
  const root = existsSync(join(dir, 'ground-truth')) ? dir : join(dir, 'dev');
  const html = join(root, 'html');
  const truth = join(root, 'ground-truth');
  if (!existsSync(html) || !existsSync(truth))
    throw new Error(
      `${dir}: expected html/ and ground-truth/ (or dev/html, dev/ground-truth); see scripts/get-wcxb.sh`,
    );
  return { html, truth };
}

function loadTruths(dir: string): Truth[] {
  const { truth } = corpusDirs(dir);
  const truths: Truth[] = [];
  for (const file of readdirSync(truth)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(truth, file), 'utf8')) as {
      url: string;
      _internal?: { page_type?: { primary?: string } | string };
      ground_truth?: Record<string, unknown>;
    };
    const gt = data.ground_truth;
    // evaluate.py skips a file whose ground_truth is not an object.
    if (!gt || typeof gt !== 'object') continue;
    const id = file.replace(/\.json$/, '');
    const pt = data._internal?.page_type;
    const primary = typeof pt === 'string' ? pt : (pt?.primary ?? 'article');
    const mainContent = (gt['main_content'] as string | null) || '';
    truths.push({
      id,
      url: data.url,
      type: primary === 'category' ? 'collection' : primary,
      split: isValidation(id) ? 'validation' : 'dev',
      title: (gt['title'] as string | null) ?? null,
      author: (gt['author'] as string | null) ?? null,
      date: (gt['publish_date'] as string | null) ?? null,
      mainContent,
      with: (gt['with'] as string[] | null) || [],
      without: (gt['without'] as string[] | null) || [],
      words: wcxbTokens(mainContent).length,
    });
  }
  return truths;
}

// ---------------------------------------------------------------------------------------------------------------
// One page: both extractors (worker side).

interface Job {
  id: string;
  file: string;
  url: string;
  /** Absent: Readability and Qari. Present: Qari only, with these passes skipped. */
  skip?: string[];
  tag: string;
}

interface Output {
  text: string;
  title: string | null;
  byline: string | null;
  date: string | null;
  /** Parse + extract, ms. */
  ms: number;
  /** Extract alone, ms. */
  extractMs: number;
  ok: boolean;
  reason?: string;
  error?: string;
  stats?: Record<string, number>;
  steps?: Record<string, number>;
}

interface JobResult {
  id: string;
  tag: string;
  readability?: Output;
  qari: Output;
  /** Heap after a full GC once this page is done (`--heap`), bytes, and the process that measured it. */
  heap?: number;
  pid?: number;
}

const oneLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]!;

function runReadability(bytes: Buffer, url: string): Output {
  const started = performance.now();
  let extractMs = 0;
  try {
    // The same text Qari reads: the bytes decoded as extractHtml decodes them (UTF-8 pages naming no charset).
    const dom = new JSDOM(decodeHtml(bytes, null).text, {
      url,
      contentType: 'text/html',
      virtualConsole: new VirtualConsole(),
    });
    try {
      const at = performance.now();
      const parsed = new Readability(dom.window.document).parse();
      extractMs = performance.now() - at;
      return {
        text: parsed?.textContent ?? '',
        title: parsed?.title ?? null,
        byline: parsed?.byline ?? null,
        date: parsed?.publishedTime ?? null,
        ms: performance.now() - started,
        extractMs,
        ok: Boolean(parsed),
      };
    } finally {
      dom.window.close();
    }
  } catch (error) {
    const ms = performance.now() - started;
    return { text: '', title: null, byline: null, date: null, ms, extractMs, ok: false, error: oneLine(error) };
  }
}

/**
 * No time budget unless `--budget MS`: the budget is wall-clock time, so on a loaded machine it turns pages into
 * "too large" that are not (the first baseline, at a load average of ~30 on 2 cores, lost 65 of 381 pages so).
 */
let budgetMs = Number(process.env['QARI_BENCH_BUDGET_MS'] ?? 0);

function skipName(name: string): SkipName {
  if (!isSkipName(name)) throw new Error(`"${name}" names no pass that can be skipped`);
  return name;
}

function runQari(bytes: Buffer, url: string, skip?: string[]): Output {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const onPass = (pass: string, ms: number) => (steps[pass] = (steps[pass] ?? 0) + ms);
  const extractMs = () => Object.values(steps).reduce((a, b) => a + b, 0);
  try {
    const result = extractHtml(bytes, url, {
      onPass,
      ...(budgetMs ? { budgetMs } : {}),
      ...(skip ? { skip: skip.map(skipName) } : {}),
    });
    const ms = performance.now() - started;
    if (!result.ok)
      return {
        text: '',
        title: result.title,
        byline: null,
        date: null,
        ms,
        extractMs: extractMs(),
        ok: false,
        reason: result.reason,
        steps,
      };
    const { article } = result;
    return {
      text: article.textContent,
      title: article.title,
      byline: article.byline,
      date: article.publishedTime,
      ms,
      extractMs: extractMs(),
      ok: true,
      stats: result.stats,
      steps,
    };
  } catch (error) {
    const ms = performance.now() - started;
    return {
      text: '',
      title: null,
      byline: null,
      date: null,
      ms,
      extractMs: extractMs(),
      ok: false,
      error: oneLine(error),
      steps,
    };
  }
}

const gc = (globalThis as { gc?: () => void }).gc;

function runJob(job: Job): JobResult {
  const bytes = gunzipSync(readFileSync(job.file));
  const result: JobResult = job.skip
    ? { id: job.id, tag: job.tag, qari: runQari(bytes, job.url, job.skip) }
    : { id: job.id, tag: job.tag, readability: runReadability(bytes, job.url), qari: runQari(bytes, job.url) };
  if (gc) {
    gc();
    result.heap = process.memoryUsage().heapUsed;
    result.pid = process.pid;
  }
  return result;
}

function worker(): void {
  process.on('message', (job: Job) => process.send!(runJob(job)));
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------------------------
// The pool: `jobs` child processes; a worker that dies takes only its current page with it (scored as an error).

async function runAll(
  work: Job[],
  jobs: number,
  heap: boolean,
  progress: (done: number) => void,
  stopAt = Infinity,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  if (jobs <= 1) {
    for (const job of work) {
      if (performance.now() > stopAt) break;
      // Let the event loop turn between pages: jsdom queues each window's load events (process.nextTick, promise
      // callbacks) at construction, and those hold the whole window, closed or not, until they run. In a loop that
      // never yields, every page so far stays on the heap (measured: 4 to 18 MB a page, by page size).
      await new Promise((done) => setImmediate(done));
      results.push(runJob(job));
      progress(results.length);
    }
    return results;
  }
  const queue = [...work];
  const self = fileURLToPath(import.meta.url);
  const execArgv = heap ? [...process.execArgv, '--expose-gc'] : process.execArgv;
  const startWorker = (): Promise<void> =>
    new Promise((done) => {
      const child: ChildProcess = fork(self, ['--worker'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        execArgv,
      });
      let current: Job | undefined;
      const next = () => {
        current = performance.now() > stopAt ? undefined : queue.shift();
        if (current) child.send(current);
        else child.disconnect();
      };
      child.on('message', (result: JobResult) => {
        results.push(result);
        progress(results.length);
        next();
      });
      child.on('exit', (code, signal) => {
        if (current) {
          const error = `worker died (${signal ?? `exit ${code}`})`;
          const failed: Output = {
            text: '',
            title: null,
            byline: null,
            date: null,
            ms: 0,
            extractMs: 0,
            ok: false,
            error,
          };
          results.push({
            id: current.id,
            tag: current.tag,
            qari: failed,
            ...(current.skip ? {} : { readability: failed }),
          });
          progress(results.length);
          current = undefined;
          if (queue.length) return void startWorker().then(done);
        }
        done();
      });
      next();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, work.length) }, startWorker));
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring.

interface Score {
  precision: number;
  recall: number;
  f1: number;
  withRate: number;
  withoutRate: number;
  shingles: TpFpFn;
  words: number;
  empty: boolean;
}

function score(truth: Truth, text: string): Score {
  const [precision, recall, f1] = wordF1(text, truth.mainContent);
  const words = wcxbTokens(text).length;
  return {
    precision,
    recall,
    f1,
    withRate: snippetRate(text, truth.with),
    withoutRate: snippetRate(text, truth.without),
    shingles: shingleMatching(truth.mainContent, text),
    words,
    empty: words === 0,
  };
}

const phrase = (s: string | null) => wcxbTokens(s ?? '').join(' ');
/** The lower-cased word sequence of one occurs in the other's (see the header). Null: the truth has none. */
function agrees(truth: string | null, predicted: string | null): boolean | null {
  const t = phrase(truth);
  if (!t) return null;
  const p = phrase(predicted);
  return Boolean(p) && (` ${p} `.includes(` ${t} `) || ` ${t} `.includes(` ${p} `));
}

function ymd(date: string | null): string | null {
  if (!date) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (m) return m[0];
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function dateAgrees(truth: string | null, predicted: string | null): boolean | null {
  const t = ymd(truth);
  return t === null ? null : ymd(predicted) === t;
}

interface Row {
  id: string;
  type: string;
  split: string;
  url: string;
  truthWords: number;
  readability: Side;
  qari: Side & { reason?: string; stats?: Record<string, number>; steps?: Record<string, number> };
}

type Side = Score & {
  ok: boolean;
  error?: string;
  ms: number;
  extractMs: number;
  title: boolean | null;
  byline: boolean | null;
  date: boolean | null;
  text?: string;
};

function side(truth: Truth, out: Output, keepText: boolean): Side {
  return {
    ...score(truth, out.text),
    ok: out.ok,
    ...(out.error ? { error: out.error } : {}),
    ms: out.ms,
    extractMs: out.extractMs,
    title: agrees(truth.title, out.title),
    byline: agrees(truth.author, out.byline),
    date: dateAgrees(truth.date, out.date),
    ...(keepText ? { text: out.text } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting.

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const f3 = (v: number) => (Number.isNaN(v) ? '  n/a' : v.toFixed(3));
const pct = (v: number) => (Number.isNaN(v) ? ' n/a' : `${(v * 100).toFixed(1)}%`);

interface Summary {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  with: number;
  without: number;
  shingles: Metrics | null;
  empty: number;
  empty100: number;
  errors: number;
  title: number;
  byline: number;
  date: number;
}

function summarize(rows: Row[], which: 'readability' | 'qari'): Summary {
  const s = rows.map((r) => r[which]);
  const share = (key: 'title' | 'byline' | 'date') => {
    const counted = s.filter((x) => x[key] !== null);
    return counted.length ? counted.filter((x) => x[key]).length / counted.length : NaN;
  };
  return {
    pages: rows.length,
    f1: mean(s.map((x) => x.f1)),
    precision: mean(s.map((x) => x.precision)),
    recall: mean(s.map((x) => x.recall)),
    with: mean(s.map((x) => x.withRate)),
    without: mean(s.map((x) => x.withoutRate)),
    shingles: metricsOrNull(s.map((x) => x.shingles)),
    empty: s.filter((x) => x.empty).length,
    empty100: rows.filter((r) => r[which].empty && r.truthWords >= 100).length,
    errors: s.filter((x) => x.error).length,
    title: share('title'),
    byline: share('byline'),
    date: share('date'),
  };
}

function report(name: string, rows: Row[], lines: string[]): Record<string, unknown> {
  const out = (line = '') => lines.push(line);
  const types = [...PAGE_TYPES, ...new Set(rows.map((r) => r.type).filter((t) => !PAGE_TYPES.includes(t)))];
  const groups: [string, Row[]][] = [
    ...types.map((t): [string, Row[]] => [t, rows.filter((r) => r.type === t)]),
    ['all', rows] as [string, Row[]],
  ].filter(([, rs]) => rs.length > 0);
  const json: Record<string, unknown> = {};
  out(`== ${name}: ${rows.length} pages ==`);
  out();
  out('WCXB metric (bag-of-words P/R/F1 per page, averaged; with/without: snippet rates; empty: no words out)');
  out(
    `${'type'.padEnd(14)}${'N'.padStart(5)} | ${'Readability F1     P     R  with  w/o  empty'.padEnd(47)}| ${'Qari F1     P     R  with  w/o  empty'.padEnd(40)}|    ΔF1`,
  );
  for (const [type, rs] of groups) {
    const r = summarize(rs, 'readability');
    const q = summarize(rs, 'qari');
    json[type] = { readability: r, qari: q };
    const cells = (s: Summary) =>
      `${f3(s.f1)} ${f3(s.precision)} ${f3(s.recall)} ${pct(s.with).padStart(5)} ${pct(s.without).padStart(5)} ${String(s.empty).padStart(3)}`;
    const d = q.f1 - r.f1;
    out(
      `${type.padEnd(14)}${String(rs.length).padStart(5)} | ${''.padEnd(12)}${cells(r).padEnd(35)}| ${''.padEnd(5)}${cells(q).padEnd(35)}| ${d >= 0 ? '+' : ''}${d.toFixed(3)}`,
    );
  }
  out();
  out('scrapinghub word-shingle metric (4-gram shingles; P and R averaged over pages, F1 of the averages)');
  out(`${'type'.padEnd(14)}${'N'.padStart(5)} | Readability F1     P     R | Qari F1     P     R`);
  for (const [type, rs] of groups) {
    const r = summarize(rs, 'readability').shingles;
    const q = summarize(rs, 'qari').shingles;
    const cells = (m: Metrics | null) => (m ? `${f3(m.f1)} ${f3(m.precision)} ${f3(m.recall)}` : 'n/a');
    out(
      `${type.padEnd(14)}${String(rs.length).padStart(5)} | ${''.padEnd(12)}${cells(r)} | ${''.padEnd(5)}${cells(q)}`,
    );
  }
  out();
  const r = summarize(rows, 'readability');
  const q = summarize(rows, 'qari');
  out(
    `empty outputs: Readability ${r.empty} (${r.empty100} on pages whose truth has 100+ words), Qari ${q.empty} (${q.empty100})`,
  );
  const refused = rows.filter((row) => !row.qari.ok && !row.qari.error);
  const reasons = new Map<string, number>();
  for (const row of refused) reasons.set(row.qari.reason ?? '?', (reasons.get(row.qari.reason ?? '?') ?? 0) + 1);
  out(`Qari refused: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  out(`errors: Readability ${r.errors}, Qari ${q.errors}`);
  const counted = (key: 'title' | 'byline' | 'date') => rows.filter((row) => row.qari[key] !== null).length;
  out(
    `agreement with the truth (pages with the field): title (${counted('title')}) Readability ${pct(r.title)}, Qari ${pct(q.title)}; ` +
      `byline (${counted('byline')}) ${pct(r.byline)}, ${pct(q.byline)}; date (${counted('date')}) ${pct(r.date)}, ${pct(q.date)}`,
  );
  const times = (which: 'readability' | 'qari', key: 'ms' | 'extractMs') => rows.map((row) => row[which][key]);
  const t = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
  out(
    `time per page, parse + extract: Readability ${t(times('readability', 'ms'))}; Qari (with sanitize) ${t(times('qari', 'ms'))}`,
  );
  out(
    `time per page, extract alone:   Readability ${t(times('readability', 'extractMs'))}; Qari ${t(times('qari', 'extractMs'))}`,
  );
  const stepNames = [...new Set(rows.flatMap((row) => Object.keys(row.qari.steps ?? {})))];
  out(
    `Qari per step (mean / p95 ms): ${stepNames
      .map((s) => {
        const xs = rows.map((row) => row.qari.steps?.[s] ?? 0);
        return `${s} ${mean(xs).toFixed(1)}/${quantile(xs, 0.95).toFixed(0)}`;
      })
      .join(', ')}`,
  );
  const worst = [...rows]
    .map((row) => ({ row, d: row.qari.f1 - row.readability.f1 }))
    .filter(({ d }) => d < 0)
    .sort((a, b) => a.d - b.d || a.row.id.localeCompare(b.row.id))
    .slice(0, 15);
  out();
  out(`where Qari loses most to Readability (WCXB F1; Qari's recall R, precision P):`);
  for (const { row, d } of worst)
    out(
      `  ${row.id} ${row.type.padEnd(13)} Readability ${f3(row.readability.f1)}  Qari ${f3(row.qari.f1)} (R ${f3(row.qari.recall)} P ${f3(row.qari.precision)})  ${d.toFixed(3)}${row.qari.ok ? '' : ` [${row.qari.error ?? row.qari.reason}]`}  ${row.url}`,
    );
  const errors = rows.filter((row) => row.qari.error || row.readability.error);
  for (const row of errors)
    out(
      `  error ${row.id}: ${row.qari.error ? `Qari: ${row.qari.error}` : ''} ${row.readability.error ? `Readability: ${row.readability.error}` : ''}`,
    );
  out();
  return {
    types: json,
    worst: worst.map(({ row, d }) => ({
      id: row.id,
      type: row.type,
      readability: row.readability.f1,
      qari: row.qari.f1,
      delta: d,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Leave-one-out.

/** A fixed order that visits `items` evenly: every prefix is spread over the whole list (bit-reversal of the index). */
function spread<T>(items: T[]): T[] {
  const bits = Math.max(1, Math.ceil(Math.log2(items.length)));
  const rev = (i: number) => parseInt(i.toString(2).padStart(bits, '0').split('').reverse().join(''), 2);
  return Array.from({ length: 2 ** bits }, (_, i) => rev(i))
    .filter((i) => i < items.length)
    .map((i) => items[i]!);
}

function evenSample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

function passEffects(
  rows: Row[],
  sample: Set<string>,
  truths: Map<string, Truth>,
  skipped: Map<string, JobResult[]>,
  lines: string[],
): Record<string, unknown> {
  const base = new Map(rows.filter((r) => sample.has(r.id)).map((r) => [r.id, r.qari]));
  const out: Record<string, unknown> = {};
  lines.push(
    `per-pass effect, leaving each out in turn on ${base.size} pages (Δ = with the pass − without it; recall−/precision+: pages where the pass lowers recall / raises precision; >2%: pages losing more than 2% of their truth words to it)`,
  );
  lines.push(`${'pass'.padEnd(28)}     ΔF1      ΔP      ΔR  changed  recall−  precision+  >2%  worst recall loss`);
  for (const [name, results] of skipped) {
    let changed = 0;
    let bigLoss = 0;
    // The page that loses most recall to the pass (its share of the truth's words), and which pages move.
    let worst = { id: '', loss: 0 };
    const recallDownIds: string[] = [];
    const precisionUpIds: string[] = [];
    const dF1: number[] = [];
    const dP: number[] = [];
    const dR: number[] = [];
    for (const result of results) {
      const full = base.get(result.id);
      if (!full) continue;
      const without = score(truths.get(result.id)!, result.qari.text);
      dF1.push(full.f1 - without.f1);
      dP.push(full.precision - without.precision);
      dR.push(full.recall - without.recall);
      if (Math.abs(full.f1 - without.f1) > 1e-9 || full.words !== without.words) changed++;
      if (full.recall < without.recall - 1e-9) recallDownIds.push(result.id);
      if (full.precision > without.precision + 1e-9) precisionUpIds.push(result.id);
      if (without.recall - full.recall > worst.loss) worst = { id: result.id, loss: without.recall - full.recall };
      if (without.recall - full.recall > 0.02) bigLoss++;
    }
    const sgn = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(4)}`;
    const recallDown = recallDownIds.length;
    const precisionUp = precisionUpIds.length;
    out[name] = {
      dF1: mean(dF1),
      dP: mean(dP),
      dR: mean(dR),
      changed,
      recallDown,
      precisionUp,
      bigLoss,
      worst,
      recallDownIds,
      precisionUpIds,
    };
    lines.push(
      `${name.padEnd(28)} ${sgn(mean(dF1))} ${sgn(mean(dP))} ${sgn(mean(dR))} ${String(changed).padStart(8)} ${String(recallDown).padStart(8)} ${String(precisionUp).padStart(11)} ${String(bigLoss).padStart(4)}  ${worst.id ? `${worst.id} −${(worst.loss * 100).toFixed(1)}%` : ''}`,
    );
  }
  lines.push('');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export async function corpusMain(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      split: { type: 'string' },
      type: { type: 'string' },
      limit: { type: 'string' },
      only: { type: 'string' },
      jobs: { type: 'string', default: '2' },
      json: { type: 'string' },
      texts: { type: 'boolean', default: false },
      passes: { type: 'boolean', default: false },
      sample: { type: 'string', default: '150' },
      'pass-names': { type: 'string' },
      heap: { type: 'boolean', default: false },
      minutes: { type: 'string' },
      budget: { type: 'string' },
    },
  });
  // The workers read it from their environment (they are forked with this process's).
  if (values.budget) process.env['QARI_BENCH_BUDGET_MS'] = String((budgetMs = Number(values.budget)));
  const dir = resolve(values.corpus!);
  const { html } = corpusDirs(dir);
  const split = values.split;
  if (split && !['dev', 'validation', 'all'].includes(split))
    throw new Error(`--split dev|validation|all, not ${split}`);
  let truths = loadTruths(dir);
  if (split === 'dev' || split === 'validation') truths = truths.filter((t) => t.split === split);
  if (values.type) truths = truths.filter((t) => values.type!.split(',').includes(t.type));
  if (values.only) {
    const only = new Set(values.only.split(',').map((id) => id.trim().padStart(4, '0')));
    truths = truths.filter((t) => only.has(t.id));
  }
  if (values.limit) truths = truths.slice(0, Number(values.limit));
  // Validation first, then the rest spread evenly over the ids: a run cut short by --minutes is still a sample of
  // every part of the corpus rather than its first ids.
  truths = [...truths.filter((t) => t.split === 'validation'), ...spread(truths.filter((t) => t.split === 'dev'))];
  const stopAt = values.minutes ? performance.now() + Number(values.minutes) * 60_000 : Infinity;
  const jobs = Number(values.jobs);
  const byId = new Map(truths.map((t) => [t.id, t]));
  const fileOf = (id: string) => join(html, `${id}.html.gz`);
  const started = performance.now();
  const progress = (total: number) => (done: number) => {
    if (process.stderr.isTTY) {
      if (done % 10 === 0 || done === total) process.stderr.write(`\r${done}/${total} `);
    } else if (done % 50 === 0)
      process.stderr.write(`${done}/${total} pages, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  };

  const first = await runAll(
    truths.map((t) => ({ id: t.id, file: fileOf(t.id), url: t.url, tag: 'both' })),
    jobs,
    values.heap,
    progress(truths.length),
    stopAt,
  );
  const rows: Row[] = first
    .map((result): Row => {
      const truth = byId.get(result.id)!;
      const q = result.qari;
      return {
        id: truth.id,
        type: truth.type,
        split: truth.split,
        url: truth.url,
        truthWords: truth.words,
        readability: side(truth, result.readability!, values.texts),
        qari: {
          ...side(truth, q, values.texts),
          ...(q.reason ? { reason: q.reason } : {}),
          ...(q.stats ? { stats: q.stats } : {}),
          ...(q.steps ? { steps: q.steps } : {}),
        },
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  const lines: string[] = [];
  lines.push(
    `WCXB corpus ${dir} (commit ${gitCommit() ?? '?'}, ${new Date().toISOString()}); validation = file id % 10 == 0`,
  );
  if (rows.length < truths.length)
    lines.push(
      `CUT SHORT by --minutes ${values.minutes}: ${rows.length} of ${truths.length} pages (validation first, then dev spread evenly over its ids)`,
    );
  lines.push('');
  const summary: Record<string, unknown> = {};
  if (split) summary[split] = report(split === 'all' ? 'all pages' : split, rows, lines);
  else
    for (const [key, name] of [
      ['dev', 'dev (validation tenth excluded)'],
      ['validation', 'validation (file id % 10 == 0)'],
    ] as const) {
      const part = rows.filter((r) => r.split === key);
      if (part.length) summary[key] = report(name, part, lines);
    }

  let passes: Record<string, unknown> | undefined;
  if (values.passes) {
    // Every pass that can be left out, in the order the pipeline runs them.
    // `--pass-names a,b`: only those (a leave-one-out of every pass is ~25 extractions a page).
    const names: string[] = values['pass-names']?.split(',').map(skipName) ?? [...SKIP_NAMES];
    const twins = names
      .filter((p) => p.startsWith('before.') && names.includes(`after.${p.slice('before.'.length)}`))
      .map((p) => p.slice('before.'.length));
    const configs: [string, string[]][] = [
      ...names.map((n): [string, string[]] => [n, [n]]),
      ...twins.map((t): [string, string[]] => [`before+after.${t}`, [`before.${t}`, `after.${t}`]]),
    ];
    // Sampled from the dev pages only: the validation tenth is for reporting.
    const sample = evenSample(
      rows.filter((r) => r.split === 'dev' || split === 'validation'),
      Number(values.sample),
    ).map((r) => r.id);
    const work = configs.flatMap(([tag, skip]) =>
      sample.map((id) => ({ id, file: fileOf(id), url: byId.get(id)!.url, skip, tag })),
    );
    const results = await runAll(work, jobs, false, progress(work.length));
    const skipped = new Map(configs.map(([tag]) => [tag, results.filter((r) => r.tag === tag)]));
    passes = passEffects(rows, new Set(sample), byId, skipped, lines);
  }
  if (values.heap) {
    // `first` is in completion order; per worker that is the order it extracted its pages.
    for (const pid of new Set(first.map((r) => r.pid).filter((p) => p !== undefined))) {
      const heaps = first.filter((r) => r.pid === pid).map((r) => r.heap! / 2 ** 20);
      const n = heaps.length;
      const growth = n > 1 ? (heaps[n - 1]! - heaps[0]!) / (n - 1) : NaN;
      lines.push(
        `heap after GC, worker ${pid}: after page 1 ${heaps[0]!.toFixed(1)} MB, after page ${n} ${heaps[n - 1]!.toFixed(1)} MB, max ${Math.max(...heaps).toFixed(1)} MB: ${growth.toFixed(2)} MB a page`,
      );
    }
  }
  lines.push(`time: ${((performance.now() - started) / 1000).toFixed(0)} s on ${jobs} process(es)`);
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(`${lines.join('\n')}\n`);

  if (values.json) {
    const json = {
      corpus: dir,
      commit: gitCommit(),
      date: new Date().toISOString(),
      args: argv,
      validationRule: 'Number(file id) % 10 === 0',
      summary,
      ...(passes ? { passes } : {}),
      rows,
    };
    writeFileSync(resolve(values.json), `${JSON.stringify(json)}\n`);
  }
}

if (process.argv.includes('--worker')) worker();
