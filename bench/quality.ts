/**
 * npm run bench:quality   (npx tsx bench/quality.ts [--jobs N] [--json PATH])
 * npm run bench:quality -- --corpus DIR …   real pages (WCXB): see bench/quality-corpus.ts
 *
 * Scores extraction on the fixture corpus (test/fixtures/<slug>/{source.html, checks.json, gold.txt}) with the
 * word-shingle metric of scrapinghub/article-extraction-benchmark (evaluate.py): tokens are `\w+` runs, shingles
 * are 4-grams of tokens, each page gets TP/FP/FN over shingle multisets normalised to sum 1, precision is averaged
 * over pages with TP+FP > 0, recall over pages with TP+FN > 0, and F1 is the harmonic mean of those two averages
 * (not an average of per-page F1s). Bootstrap confidence intervals are not computed.
 *
 * Compared in one run, on the same pages: plain Readability (`passes: false`), Qari (all passes), and Qari with
 * each pass skipped in turn (its contribution). Predicted text is the extractor's `textContent`; a page the
 * extractor rejects (not an article) predicts the empty string. Gold is gold.txt (empty for non-articles).
 *
 * gold.txt is the article body as a person would copy it: every body paragraph, heading inside the body, list item,
 * table row (cells tab-separated), figure caption and block quote, one block per line; not the title, byline or
 * dateline, nor any clutter. Empty for a page that is not an article. Only the tokens matter to the metric.
 *
 * Prints `name: value` lines and writes bench/quality-results.json. `--dump DIR` also writes the predictions in the
 * benchmark's own format; running its evaluate.py there reproduces these numbers exactly (checked: identical
 * per-page TP/FP/FN and averages).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { extractArticle, isSkipName } from '../src/extract/extract-article';
import {
  metricsOrNull,
  precisionScore,
  recallScore,
  shingleMatching,
  type Metrics,
  type TpFpFn,
} from './shingle-metric';

// ---------------------------------------------------------------------------------------------------------------
// The corpus and the runs.

const FIXTURES = resolve('test/fixtures');
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ckb']);

interface Page {
  slug: string;
  url: string;
  lang: string;
  isArticle: boolean;
  html: string;
  gold: string;
}

interface Config {
  name: string;
  passes: boolean;
  skip: string[];
}

interface Job {
  slug: string;
  config: Config;
}

interface JobResult {
  slug: string;
  config: string;
  ok: boolean;
  text: string;
  stats: Record<string, number>;
  ms: number;
  error?: string;
}

function loadPages(): Page[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .filter((slug) => existsSync(join(FIXTURES, slug, 'gold.txt')))
    .map((slug) => {
      const checks = JSON.parse(readFileSync(join(FIXTURES, slug, 'checks.json'), 'utf8')) as {
        url: string;
        lang: string | null;
        isArticle: boolean;
      };
      return {
        slug,
        url: checks.url,
        lang: (checks.lang ?? '').toLowerCase().split('-')[0]!,
        isArticle: checks.isArticle,
        html: readFileSync(join(FIXTURES, slug, 'source.html'), 'utf8'),
        gold: readFileSync(join(FIXTURES, slug, 'gold.txt'), 'utf8'),
      };
    });
}

function runJob(page: Page, config: Config): JobResult {
  const started = performance.now();
  const dom = new JSDOM(page.html, { url: page.url, contentType: 'text/html' });
  try {
    const skip = config.skip.map((name) => {
      if (!isSkipName(name)) throw new Error(`"${name}" names no pass that can be skipped`);
      return name;
    });
    const result = extractArticle(dom.window.document, { url: page.url, passes: config.passes, skip });
    return {
      slug: page.slug,
      config: config.name,
      ok: result.ok,
      text: result.ok ? result.article.textContent : '',
      stats: result.ok ? result.stats : {},
      ms: performance.now() - started,
    };
  } catch (error) {
    // An exception is scored as an empty prediction, and reported.
    return {
      slug: page.slug,
      config: config.name,
      ok: false,
      text: '',
      stats: {},
      ms: performance.now() - started,
      error: String((error as Error)?.stack ?? error),
    };
  } finally {
    dom.window.close();
  }
}

/** Runs jobs on `jobs` child processes (each loads the corpus itself), in submission order per worker. */
async function runAll(pages: Page[], work: Job[], jobs: number): Promise<JobResult[]> {
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  if (jobs <= 1 || work.length < 4) return work.map((j) => runJob(bySlug.get(j.slug)!, j.config));
  const queue = [...work];
  const results: JobResult[] = [];
  const self = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: Math.min(jobs, work.length) }, () => {
      const child = fork(self, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Promise<void>((done, fail) => {
        const next = () => {
          const job = queue.shift();
          if (job) child.send(job);
          else child.disconnect();
        };
        child.on('message', (result: JobResult) => {
          results.push(result);
          next();
        });
        child.on('exit', (code) => (code === 0 || code === null ? done() : fail(new Error(`worker exited ${code}`))));
        child.on('error', fail);
        next();
      });
    }),
  );
  return results;
}

function worker(): void {
  const bySlug = new Map(loadPages().map((p) => [p.slug, p]));
  process.on('message', (job: Job) => process.send!(runJob(bySlug.get(job.slug)!, job.config)));
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting.

const fmt = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? 'n/a' : v.toFixed(digits));
const signed = (v: number | null) => (v === null ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(4)}`);

interface PageScore {
  slug: string;
  lang: string;
  ok: boolean;
  tpFpFn: TpFpFn;
  /** Per-page precision / recall as evaluate.py would count them: null where the page is left out of that average. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  predictedChars: number;
  goldChars: number;
  error?: string;
}

function scorePage(page: Page, result: JobResult): PageScore {
  const [tp, fp, fn] = shingleMatching(page.gold, result.text);
  const precision = tp + fp > 0 ? precisionScore(tp, fp, fn) : null;
  const recall = tp + fn > 0 ? recallScore(tp, fp, fn) : null;
  const f1 =
    precision === null && recall === null
      ? null
      : precision !== null && recall !== null && precision + recall > 0
        ? (2 * precision * recall) / (precision + recall)
        : 0;
  return {
    slug: page.slug,
    lang: page.lang,
    ok: result.ok,
    tpFpFn: [tp, fp, fn],
    precision,
    recall,
    f1,
    predictedChars: result.text.length,
    goldChars: page.gold.trim().length,
    ...(result.error ? { error: result.error } : {}),
  };
}

/** Formats like the rest of the repository (prettier), so `npm run lint` stays clean; raw JSON if prettier fails. */
async function formatJson(json: string, path: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    return await prettier.format(json, { ...((await prettier.resolveConfig(path)) ?? {}), filepath: path });
  } catch {
    return json;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jobsArg = args.indexOf('--jobs');
  const jobs = jobsArg >= 0 ? Number(args[jobsArg + 1]) : Math.min(availableParallelism(), 4);
  // --dump DIR: also write DIR/ground-truth.json and DIR/output/{readability,qari}.json in the benchmark's own
  // format ({ key: { articleBody } }), so scrapinghub's evaluate.py can be run on the same data as a cross-check.
  const dumpArg = args.indexOf('--dump');
  const jsonArg = args.indexOf('--json');
  const jsonPath = resolve(jsonArg >= 0 ? args[jsonArg + 1]! : 'bench/quality-results.json');
  const started = performance.now();

  const pages = loadPages();
  const skipped = readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.html')))
    .map((d) => d.name)
    .filter((slug) => !existsSync(join(FIXTURES, slug, 'gold.txt')));
  const rtl = new Set(pages.filter((p) => RTL_LANGS.has(p.lang)).map((p) => p.slug));

  const baseline: Config = { name: 'readability', passes: false, skip: [] };
  const full: Config = { name: 'qari', passes: true, skip: [] };
  const first = await runAll(
    pages,
    pages.flatMap((p) => [baseline, full].map((config) => ({ slug: p.slug, config }))),
    jobs,
  );
  // The passes are whatever the extractor reports in `stats`: each stat key is also the name that skips it.
  const passNames = [...new Set(first.filter((r) => r.config === 'qari').flatMap((r) => Object.keys(r.stats)))];
  const skipConfigs: Config[] = passNames.map((pass) => ({ name: `skip:${pass}`, passes: true, skip: [pass] }));
  // A pass that runs both before and after Readability ("teasers", "rails") can hide behind its twin: whatever one
  // misses the other removes, so skipping one alone shows no change. Skip both together as well.
  const twins = passNames
    .filter((p) => p.startsWith('before.') && passNames.includes(`after.${p.slice('before.'.length)}`))
    .map((p) => p.slice('before.'.length));
  const pairConfigs: Config[] = twins.map((t) => ({
    name: `skip:before+after.${t}`,
    passes: true,
    skip: [`before.${t}`, `after.${t}`],
  }));
  const rest = await runAll(
    pages,
    pages.flatMap((p) => [...skipConfigs, ...pairConfigs].map((config) => ({ slug: p.slug, config }))),
    jobs,
  );
  const all = [...first, ...rest];

  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  if (dumpArg >= 0) {
    const dir = resolve(args[dumpArg + 1]!);
    mkdirSync(join(dir, 'output'), { recursive: true });
    const body = (texts: [string, string][]) =>
      `${JSON.stringify(Object.fromEntries(texts.map(([slug, text]) => [slug, { articleBody: text }])), null, 1)}\n`;
    writeFileSync(join(dir, 'ground-truth.json'), body(pages.map((p) => [p.slug, p.gold])));
    for (const name of ['readability', 'qari'])
      writeFileSync(
        join(dir, 'output', `${name}.json`),
        body(all.filter((r) => r.config === name).map((r) => [r.slug, r.text])),
      );
  }
  const scores = new Map<string, PageScore[]>();
  for (const config of [baseline, full, ...skipConfigs, ...pairConfigs]) {
    const rows = all
      .filter((r) => r.config === config.name)
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((r) => scorePage(bySlug.get(r.slug)!, r));
    scores.set(config.name, rows);
  }
  const metricsOf = (name: string, filter: (s: PageScore) => boolean = () => true) =>
    metricsOrNull(
      scores
        .get(name)!
        .filter(filter)
        .map((s) => s.tpFpFn),
    );
  const subsets: Record<string, (s: PageScore) => boolean> = {
    all: () => true,
    rtl: (s) => rtl.has(s.slug),
    latin: (s) => !rtl.has(s.slug),
  };

  const lines: [string, string][] = [];
  const out = (name: string, value: string | number) => lines.push([name, String(value)]);
  out('pages', pages.length);
  out('pages.rtl', rtl.size);
  out('pages.latin', pages.length - rtl.size);
  if (skipped.length) out('pages.without_gold', skipped.join(', '));
  const summary: Record<string, Record<string, Metrics | null>> = {};
  for (const name of ['readability', 'qari']) {
    summary[name] = {};
    for (const [subset, filter] of Object.entries(subsets)) {
      const m = metricsOf(name, filter);
      summary[name]![subset] = m;
      const prefix = subset === 'all' ? name : `${name}.${subset}`;
      out(`${prefix}.precision`, fmt(m?.precision));
      out(`${prefix}.recall`, fmt(m?.recall));
      out(`${prefix}.f1`, fmt(m?.f1));
    }
  }
  const qari = summary['qari']!['all']!;
  const contributions: Record<string, { dP: number | null; dR: number | null; dF1: number | null }> = {};
  for (const config of [...skipConfigs, ...pairConfigs]) {
    const label = config.skip.length > 1 ? config.name.slice('skip:'.length) : config.skip[0]!;
    const m = metricsOf(config.name);
    const delta = (k: keyof Metrics) => (m && qari ? m[k] - qari[k] : null);
    contributions[label] = { dP: delta('precision'), dR: delta('recall'), dF1: delta('f1') };
    const changed = scores
      .get(config.name)!
      .filter((s, i) => s.tpFpFn.some((v, j) => Math.abs(v - scores.get('qari')![i]!.tpFpFn[j]!) > 1e-9))
      .map((s) => s.slug);
    out(
      `skip ${label}`,
      `ΔP ${signed(delta('precision'))}  ΔR ${signed(delta('recall'))}  ΔF1 ${signed(delta('f1'))}  (pages changed: ${changed.length})`,
    );
  }
  const worst = [...scores.get('qari')!]
    .filter((s) => s.f1 !== null)
    .sort((a, b) => a.f1! - b.f1! || a.slug.localeCompare(b.slug))
    .slice(0, 5);
  worst.forEach((s, i) =>
    out(
      `worst.${i + 1}`,
      `${s.slug} (${s.lang}) P ${fmt(s.precision, 3)} R ${fmt(s.recall, 3)} F1 ${fmt(s.f1, 3)}${s.ok ? '' : ' [not extracted]'}`,
    ),
  );
  const errors = all.filter((r) => r.error);
  for (const e of errors) out(`error ${e.config} ${e.slug}`, e.error!.split('\n')[0]!);
  const seconds = (performance.now() - started) / 1000;
  out('extractions', all.length);
  out('extraction_ms.mean', (all.reduce((a, r) => a + r.ms, 0) / all.length).toFixed(0));
  out('jobs', jobs);
  out('time_s', seconds.toFixed(1));

  const width = Math.max(...lines.map(([n]) => n.length));
  for (const [name, value] of lines) process.stdout.write(`${`${name}:`.padEnd(width + 2)}${value}\n`);

  const json = `${JSON.stringify(
    {
      metric: 'scrapinghub/article-extraction-benchmark evaluate.py: 4-gram word shingles, \\w+ tokens',
      pages: pages.map((p) => ({ slug: p.slug, lang: p.lang, rtl: rtl.has(p.slug), isArticle: p.isArticle })),
      summary,
      contributions,
      worst: worst.map(({ slug, lang, precision, recall, f1 }) => ({ slug, lang, precision, recall, f1 })),
      perPage: Object.fromEntries(
        ['readability', 'qari'].map((name) => [
          name,
          scores.get(name)!.map(({ slug, ok, precision, recall, f1, tpFpFn, predictedChars, goldChars }) => ({
            slug,
            ok,
            precision,
            recall,
            f1,
            tpFpFn,
            predictedChars,
            goldChars,
          })),
        ]),
      ),
      skipPerPageF1: Object.fromEntries(
        [...skipConfigs, ...pairConfigs].map((c) => [
          c.name.slice('skip:'.length),
          Object.fromEntries(scores.get(c.name)!.map((s) => [s.slug, s.f1])),
        ]),
      ),
      errors: errors.map(({ slug, config, error }) => ({ slug, config, error })),
      timeSeconds: Number(seconds.toFixed(1)),
    },
    null,
    2,
  )}\n`;
  writeFileSync(jsonPath, await formatJson(json, jsonPath));
}

const fail = (error: unknown) => {
  console.error(error);
  process.exit(1);
};
if (process.argv.includes('--worker')) worker();
// Real pages (WCXB's layout): a module of its own, bench/quality-corpus.ts.
else if (process.argv.includes('--corpus'))
  import('./quality-corpus').then(({ corpusMain }) => corpusMain(process.argv.slice(2))).catch(fail);
else main().catch(fail);
