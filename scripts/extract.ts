/**
 * npm run -s extract -- --url URL [--format json|text|markdown|html] [FILE]
 * Reads a saved page (FILE, or standard input) and prints the clean article.
 *
 * Exit codes: 0 the article; 1 a usage or read error, or extraction failed; 2 not an article; 3 too large to read
 * (beyond the size bounds of extract-html.ts, or past the time budget). Every failure is one line on standard
 * error, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import TurndownService from 'turndown';
import { CLI_BUDGET_MS, extractHtml } from '../src/node/extract-html';

const FORMATS = ['json', 'text', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

function fail(message: string, code = 1): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(code);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

if (values.help) {
  process.stdout.write('usage: npm run -s extract -- --url URL [--format json|text|markdown|html] [FILE]\n');
  process.exit(0);
}
const format = values.format as Format;
if (!FORMATS.includes(format)) fail(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
if (!values.url) fail('--url is required: the address the page was saved from (links and images resolve against it)');
try {
  new URL(values.url);
} catch {
  fail(`--url "${values.url}" is not an absolute URL`);
}
if (positionals.length > 1) fail('give at most one FILE');

// Bytes, not a string: jsdom finds the encoding as a browser does (byte order mark, <meta charset>); reading the
// file as UTF-8 first turned a windows-1256 page into mojibake.
let html: Buffer;
try {
  html = readFileSync(positionals[0] ?? 0);
} catch (error) {
  fail(`cannot read ${positionals[0] ?? 'standard input'}: ${(error as Error).message}`);
}

const result = (() => {
  try {
    return extractHtml(html, values.url, { budgetMs: CLI_BUDGET_MS });
  } catch (error) {
    return fail(`could not read this page: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
  }
})();
if (!result.ok) fail(result.message, result.reason === 'too-large' ? 3 : 2);
const { article } = result;
// Unsure, not refused (src/extract/confidence.ts): the text goes to stdout, the one-line notice to stderr.
if (article.notice) process.stderr.write(`extract: ${article.notice}\n`);

switch (format) {
  case 'json': {
    const { content, ...rest } = article;
    process.stdout.write(`${JSON.stringify({ ...rest, content }, null, 2)}\n`);
    break;
  }
  case 'text':
    process.stdout.write(`${article.title}\n\n${article.textContent}\n`);
    break;
  case 'html':
    process.stdout.write(
      `<!doctype html>\n<html lang="${article.lang ?? ''}" dir="${article.dir}">\n<head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head>\n<body>\n<h1>${escapeHtml(article.title)}</h1>\n${article.content}\n</body>\n</html>\n`,
    );
    break;
  case 'markdown': {
    const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
    const meta = [article.byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ');
    process.stdout.write(`# ${article.title}\n\n${meta ? `${meta}\n\n` : ''}${turndown.turndown(article.content)}\n`);
    break;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
