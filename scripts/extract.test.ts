// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../src/article';

/**
 * The CLI as a user runs it: the compiled CLI (`npm run build` makes dist-cli/extract.js; built again here so the
 * test never runs a stale one) in a real process, real files and standard input; one spawn per behaviour.
 */
const ROOT = resolve(__dirname, '..');
const NEWS = join(ROOT, 'test/fixtures/english-news-wire');
const HOMEPAGE = join(ROOT, 'test/fixtures/non-article-homepage');
const checks = JSON.parse(readFileSync(join(NEWS, 'checks.json'), 'utf8')) as {
  url: string;
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
  lang: string;
  dir: string;
  mustInclude: string[];
  mustExclude: string[];
};
const SOURCE = join(NEWS, 'source.html');
const TIMEOUT = 60_000;

beforeAll(() => {
  execFileSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: ROOT });
}, 120_000);

function cli(args: string[], input?: string | Buffer) {
  const run = spawnSync('node', ['dist-cli/extract.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: TIMEOUT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/extract.ts', () => {
  it(
    'prints the article as JSON by default',
    () => {
      const { status, stdout, stderr } = cli(['--url', checks.url, SOURCE]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const article = JSON.parse(stdout) as Article;
      for (const field of [
        'title',
        'byline',
        'siteName',
        'publishedTime',
        'lang',
        'dir',
        'excerpt',
        'readingTimeMinutes',
        'textContent',
        'content',
      ])
        expect(article, field).toHaveProperty(field);
      expect(article.url).toBe(checks.url);
      expect(article.title).toBe(checks.title);
      expect(article.byline).toBe(checks.byline);
      expect(article.siteName).toBe(checks.siteName);
      expect(article.publishedTime).toContain(checks.publishedTime);
      expect(article.lang?.split('-')[0]).toBe(checks.lang);
      expect(article.dir).toBe(checks.dir);
      expect(article.excerpt).toMatch(/tidal energy scheme/);
      // English is read in words: the minutes follow the word count at 228 words a minute.
      expect(article.readingTimeMinutes).toBe(Math.max(1, Math.round(article.wordCount / 228)));
      expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(1);
      for (const phrase of checks.mustInclude) expect(article.textContent).toContain(phrase);
      for (const phrase of checks.mustExclude) expect(article.textContent).not.toContain(phrase);

      // The content is sanitized: no script, no handlers, links open in the page's tab.
      expect(article.content).not.toMatch(/<script/i);
      const content = new JSDOM(article.content).window.document;
      expect(content.querySelectorAll('p').length).toBeGreaterThan(5);
      expect(content.querySelector('img[src^="https://www.northgatenews.co.uk/"]')).not.toBeNull();
      for (const el of Array.from(content.querySelectorAll('*')))
        for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/);
      for (const a of Array.from(content.querySelectorAll('a[href^="http"]')))
        expect(a.getAttribute('target')).toBe('_top');
    },
    TIMEOUT,
  );

  it(
    'prints text with paragraphs on separate lines, reading the page from standard input',
    () => {
      const { status, stdout } = cli(['--url', checks.url, '--format', 'text'], readFileSync(SOURCE, 'utf8'));
      expect(status).toBe(0);
      const lines = stdout.split('\n');
      expect(lines[0]).toBe(checks.title);
      expect(lines[1]).toBe('');
      expect(lines[2]).toMatch(/^A tidal energy scheme that could power/);
      expect(lines.some((l) => l.startsWith('The 30-megawatt array, planned for'))).toBe(true);
      expect(lines.some((l) => l.startsWith('Developer Sulair Marine first applied'))).toBe(true);
      // No paragraph glued to the next one.
      expect(stdout).not.toMatch(/history\.\S/);
      expect(stdout).not.toMatch(/<\/?p>/);
    },
    TIMEOUT,
  );

  it(
    'prints markdown starting with "# " and the title',
    () => {
      const { status, stdout } = cli(['--url', checks.url, '--format', 'markdown', SOURCE]);
      expect(status).toBe(0);
      expect(stdout.startsWith(`# ${checks.title}\n\n`)).toBe(true);
      expect(stdout).toContain(`${checks.byline} · ${checks.siteName}`);
      expect(stdout).toMatch(/!\[[^\]]*\]\(https:\/\/www\.northgatenews\.co\.uk\/img\/[^)]+\)/);
      expect(stdout).not.toMatch(/<(p|div|script)\b/i);
    },
    TIMEOUT,
  );

  it(
    'prints a full HTML document carrying dir and lang',
    () => {
      const { status, stdout } = cli(['--url', checks.url, '--format', 'html', SOURCE]);
      expect(status).toBe(0);
      expect(stdout.toLowerCase().startsWith('<!doctype html>')).toBe(true);
      const doc = new JSDOM(stdout).window.document;
      expect(doc.documentElement.getAttribute('dir')).toBe(checks.dir);
      expect(doc.documentElement.getAttribute('lang')?.split('-')[0]).toBe(checks.lang);
      expect(doc.title).toBe(checks.title);
      expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
      expect(doc.querySelector('body > h1')?.textContent).toBe(checks.title);
      expect(doc.body.textContent).toContain('attaching 46 conditions to the approval');
      expect(doc.querySelector('script')).toBeNull();
    },
    TIMEOUT,
  );

  it(
    'shows a home page of teasers with a notice on stderr, and exits with code 2 only for a page with no text',
    () => {
      const url = (JSON.parse(readFileSync(join(HOMEPAGE, 'checks.json'), 'utf8')) as { url: string }).url;
      const home = cli(['--url', url, '--format', 'text', join(HOMEPAGE, 'source.html')]);
      expect(home.status).toBe(0);
      expect(home.stdout).toContain('Council approves city centre tram extension');
      expect(home.stderr).toMatch(/^extract: .*list of links/);
      const { status, stdout, stderr } = cli(
        ['--url', url],
        '<html><body><div><img src="logo.png"></div></body></html>',
      );
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^extract: .*no text/);
    },
    TIMEOUT,
  );

  it(
    'exits with code 1 when --url is missing',
    () => {
      const { status, stdout, stderr } = cli([SOURCE]);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^extract: --url is required/);
    },
    TIMEOUT,
  );

  it(
    'exits with code 1 for an unknown format, naming the formats',
    () => {
      const { status, stdout, stderr } = cli(['--url', checks.url, '--format', 'pdf', SOURCE]);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('unknown format "pdf"');
      expect(stderr).toContain('json, text, markdown, html');
    },
    TIMEOUT,
  );

  // Issue 11: hostile input. Each failed on the old CLI (mojibake; a RangeError stack trace after minutes; no answer
  // within the test's minute).
  it(
    'decodes a windows-1256 page by its <meta charset>',
    () => {
      const paragraph = `<p>${'هذا نص عربي طويل عن الاقتصاد والسياسة في المنطقة، وقد قال المسؤولون إن الخطة ستنفذ. '.repeat(3)}</p>`;
      const page = `<!doctype html><html lang="ar"><head><meta charset="windows-1256"><title>عنوان</title></head><body><article><h1>عنوان</h1>${paragraph.repeat(4)}</article></body></html>`;
      const file = join(mkdtempSync(join(tmpdir(), 'qari-')), 'page.html');
      writeFileSync(file, new TextEncoderWindows1256().encode(page));
      const { status, stdout, stderr } = cli(['--url', 'https://ar.example/a', '--format', 'text', file]);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toContain('هذا نص عربي طويل عن الاقتصاد');
      expect(stdout).not.toContain('\ufffd');
    },
    TIMEOUT,
  );

  it(
    'answers "too large" at once, in one line, for 100,000 nested elements',
    () => {
      const page = `<!doctype html><title>deep</title><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}`;
      const started = performance.now();
      const { status, stdout, stderr } = cli(['--url', 'https://deep.example/'], page);
      expect(performance.now() - started).toBeLessThan(TIMEOUT / 2);
      expect(status).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toMatch(
        /^extract: This page is too large to read: elements nested 100,000 deep \(the limit is [\d,]+\)\.\n$/,
      );
    },
    TIMEOUT,
  );

  it(
    'answers "too large" for 300,000 empty spans and for a 45 MB page',
    () => {
      const spans = cli(
        ['--url', 'https://spans.example/'],
        `<!doctype html><body><p>x</p>${'<span></span>'.repeat(300_000)}`,
      );
      expect(spans.status).toBe(3);
      expect(spans.stderr).toMatch(
        /^extract: This page is too large to read: 300,\d{3} elements \(the limit is [\d,]+\)\.\n$/,
      );
      const big = cli(['--url', 'https://big.example/'], Buffer.alloc(45 * 2 ** 20, 'a'));
      expect(big.status).toBe(3);
      expect(big.stderr).toMatch(/^extract: This page is too large to read: 45\.0 MB \(the limit is \d+ MB\)\.\n$/);
    },
    2 * TIMEOUT,
  );
});

/** windows-1256 for the Arabic letters, space and ASCII used above (Node has no encoder for it). */
class TextEncoderWindows1256 {
  encode(text: string): Buffer {
    const decoder = new TextDecoder('windows-1256');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
    return Buffer.from(Array.from(text, (c) => table.get(c) ?? 0x3f));
  }
}
