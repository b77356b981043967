import type { Article } from '../article';
import { replaceAmpImages } from './amp-images';
import { annotateBlocks, detectBaseDirection, normalizeLang, type DirectionSignals } from '../direction';
import { removeByRules, withKept, type BlockRule } from '../site-rules/block-rule';
import { builtinRulesFor } from '../site-rules/builtin';
import { removeCaptionCredits } from './caption-credits';
import { cleanArticle } from './clean-article';
import { removeCommentThreads } from './comment-threads';
import { qaThread } from './qa-thread';
import { removeEdgeLines } from './edge-lines';
import { markHiddenLabels, removeHiddenLabels } from './hidden-labels';
import { bylineOrPrinted, cleanByline } from './site-title';
import { FairReadability } from './fair-readability';
import { BoundedReadability } from './bounded-readability';
import { rememberLead } from './keep-lead';
import { readMetadata } from './read-metadata';
import { readingTimeMinutes, countWords } from './reading-time';
import { removeClutter } from './remove-clutter';
import { absolutizeUrls, resolveLazyImages } from './resolve-lazy-images';
import { isMostlyTeasers, siteHosts } from './teaser-lists';
import { blockText } from './text-content';
import { TimeBudgetExceeded, withDeadline } from './time-budget';
import { unclobber } from './unclobber';
import { hasText, UNSURE_NOTICE, unsureWhy } from './confidence';

export interface ExtractOptions {
  /** The page's URL: base for relative links, and the host that "same-site teaser" checks compare with. */
  url: string;
  /** Signals only the live page has (computed CSS direction). */
  signals?: DirectionSignals;
  /** Run Qari's clutter passes (default true); false gives plain Readability plus metadata, for comparison. */
  passes?: boolean;
  /** Passes to leave out, by the names in `stats` ("before.classes", "lead", "after.linkBoxes"…). */
  skip?: readonly string[];
  /**
   * Milliseconds the extraction may take (default: no limit). Past them it stops, within a step of work, and
   * answers `reason: 'too-large'`: a page of hundreds of thousands of elements must cost the reader a clear
   * message, not minutes of a frozen tab.
   */
  budgetMs?: number;
  /** Site rules (src/site-rules): blocks to remove and to protect. Default: the built-in rules for `url`. */
  siteRules?: { remove: readonly BlockRule[]; keep: readonly string[] };
}

export type ExtractResult =
  | { ok: true; article: Article; stats: Record<string, number> }
  | { ok: false; reason: 'not-article' | 'too-large'; title: string | null; message: string };

/**
 * Document in, Article out. `doc` is consumed (mutated): pass a clone of the live page, never the page.
 */
export function extractArticle(doc: Document, options: ExtractOptions): ExtractResult {
  const steps = extractSteps(doc, options);
  const started = performance.now();
  for (;;) {
    const result = nextStep(steps, started, options.budgetMs);
    if (result) return result;
  }
}

/**
 * The same, giving the thread back between steps (`pause`, e.g. a zero-delay timeout): the content script
 * extracts in the page's own main thread, and the page must keep answering input while a big page is read.
 */
export async function extractArticleInSteps(
  doc: Document,
  options: ExtractOptions,
  pause: () => Promise<void>,
): Promise<ExtractResult> {
  const steps = extractSteps(doc, options);
  const started = performance.now();
  for (;;) {
    const result = nextStep(steps, started, options.budgetMs);
    if (result) return result;
    await pause();
  }
}

/** Runs the next step; the result once there is one, or once the budget is spent. */
function nextStep(
  steps: Generator<void, ExtractResult>,
  started: number,
  budgetMs = Infinity,
): ExtractResult | undefined {
  try {
    const next = withDeadline(started + budgetMs, () => steps.next());
    return next.done ? next.value : undefined;
  } catch (error) {
    if (!(error instanceof TimeBudgetExceeded)) throw error;
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    return {
      ok: false,
      reason: 'too-large',
      title: null,
      message: `This page is too large to read: Qari stopped after ${seconds} s without finishing.`,
    };
  }
}

/**
 * The fallback, or the refusal Qari gave before there was one: markup that only the second Readability run trips
 * over (tag soup with element names such as "<title", found by test/robustness) must not turn into an exception.
 */
function* orNoText(steps: Generator<void, ExtractResult>): Generator<void, ExtractResult> {
  try {
    return yield* steps;
  } catch (error) {
    if (error instanceof TimeBudgetExceeded) throw error;
    return { ok: false, reason: 'not-article', title: null, message: 'This page has no text Qari can show.' };
  }
}

/** The extraction, one `yield` between steps that may each take a while on a huge page. */
function* extractSteps(doc: Document, options: ExtractOptions, fallback = false): Generator<void, ExtractResult> {
  const { url, passes = true } = options;
  const skipped = (prefix: string) =>
    new Set((options.skip ?? []).filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length)));
  // The fallback's document is a copy made after these steps: they are done, and in Node it has no window for them.
  if (!fallback) {
    unclobber(doc);
    yield;
    replaceAmpImages(doc);
    resolveLazyImages(doc);
    yield;
    absolutizeUrls(doc, url);
    yield;
  }
  const meta = readMetadata(doc);
  const hosts = siteHosts(doc, url);
  const htmlLang = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang');
  const stats: Record<string, number> = {};
  // Plain Readability's view of the page, for when Qari's passes leave nothing to show (never refuse: confidence.ts).
  const spare = passes ? (doc.cloneNode(true) as Document) : null;
  const withoutPasses = () => orNoText(extractSteps(spare!, { ...options, passes: false }, true));
  yield;
  // Site rules: selector rules before Readability, text rules on its result (a far smaller tree); kept
  // elements sit out the clutter passes.
  const rules = passes ? (options.siteRules ?? builtinRulesFor(url, doc)) : { remove: [], keep: [] };
  const byText = rules.remove.filter((r) => r.kind === 'text');
  const bySelector = rules.remove.filter((r) => r.kind === 'selector');
  if (rules.remove.length) stats['site.removed'] = removeByRules(doc, bySelector);
  // Screen-reader labels are marked, not removed: the passes after Readability read them (hidden-labels.ts).
  const hidden = passes && !options.skip?.includes('hidden');
  if (hidden) markHiddenLabels(doc);
  if (passes)
    for (const [k, v] of Object.entries(withKept(doc, rules.keep, () => removeClutter(doc, hosts, skipped('before.')))))
      stats[`before.${k}`] = v;
  yield;
  // A Q&A page's content is its question and every answer (read before Readability takes the document apart).
  const qa = passes && !options.skip?.includes('qa') ? qaThread(doc) : null;
  const lead = passes && !qa && !options.skip?.includes('lead') ? rememberLead(doc) : null;

  yield;
  // "commas": Readability counting Arabic commas where it counts ASCII ones (see fair-readability.ts).
  const Extractor = passes && !options.skip?.includes('commas') ? FairReadability : BoundedReadability;
  const parsed = new Extractor<Element>(doc, {
    serializer: (node) => node as Element,
    keepClasses: true, // our after-passes read class names; they are stripped below
  }).parse();
  const root = parsed?.content;
  const title = meta.title ?? parsed?.title?.trim() ?? null;
  if ((!parsed || !root) && spare) return yield* withoutPasses();
  if (!parsed || !root) {
    return { ok: false, reason: 'not-article', title, message: 'This page has no text Qari can show.' };
  }
  yield;
  if (qa) {
    stats['qa'] = qa.childElementCount;
    root.replaceChildren(...Array.from(qa.childNodes));
  }
  // Judged on what Readability chose, before the after-passes take teaser lists out of it.
  const teaserPage = isMostlyTeasers(root, hosts);
  // One name for the stat and the skip option: the pass spans Readability (remembered before, restored after).
  if (lead) stats['lead'] = lead.restore(root);
  /** A byline printed on the page ("By …"), for pages whose metadata names only the organisation. */
  let pageByline: string | null = null;
  yield;
  if (passes) {
    const byline = meta.byline ?? parsed.byline ?? null;
    for (const [k, v] of Object.entries(
      withKept(root, rules.keep, () =>
        cleanArticle(
          root,
          { title, byline, siteName: meta.siteName ?? parsed.siteName ?? null },
          hosts,
          skipped('after.'),
        ),
      ),
    )) {
      stats[`after.${k}`] = v;
    }
    // Before the edge lines: a thread's header ("58 reactions") is then the article's last line.
    if (!options.skip?.includes('after.comments')) stats['after.comments'] = removeCommentThreads(root);
    for (const [k, v] of Object.entries(
      removeEdgeLines(
        root,
        { byline, siteName: meta.siteName ?? parsed.siteName ?? null, onByline: (name) => (pageByline ??= name) },
        skipped('after.'),
      ),
    ))
      stats[`after.${k}`] = v;
    if (!options.skip?.includes('after.credits')) stats['after.credits'] = removeCaptionCredits(root);
  }
  if (hidden) stats['hidden'] = removeHiddenLabels(root);
  if (byText.length) stats['site.removed']! += removeByRules(root, byText);
  yield;
  for (const el of Array.from(root.querySelectorAll('[class]'))) el.removeAttribute('class');
  root.removeAttribute('class');

  const textContent = blockText(root);
  const wordCount = countWords(textContent);
  // Refused only when there is nothing to show; a short or list-like page is shown with a notice (confidence.ts).
  if (!hasText(textContent) && spare) return yield* withoutPasses();
  if (!hasText(textContent)) {
    return { ok: false, reason: 'not-article', title, message: 'This page has no text Qari can show.' };
  }
  const unsure = fallback ? 'uncleaned' : unsureWhy(textContent, teaserPage);

  yield;
  const base = detectBaseDirection(root, {
    ...options.signals,
    langHints: [htmlLang, parsed.lang, ...meta.langHints, ...(options.signals?.langHints ?? [])],
  });
  yield;
  annotateBlocks(root, base.dir);
  const lang = normalizeLang(base.lang);
  if (lang) root.setAttribute('lang', lang);

  return {
    ok: true,
    stats,
    article: {
      url,
      title: title ?? '',
      byline: bylineOrPrinted(
        meta.byline ?? cleanByline(parsed.byline ?? null, meta.siteName ?? parsed.siteName ?? null),
        meta.siteName ?? parsed.siteName ?? null,
        pageByline,
      ),
      siteName: meta.siteName ?? parsed.siteName ?? null,
      publishedTime: meta.publishedTime ?? parsed.publishedTime ?? null,
      lang,
      dir: base.dir,
      excerpt: meta.excerpt ?? parsed.excerpt ?? null,
      leadImage: meta.leadImage,
      content: root.outerHTML,
      textContent,
      readingTimeMinutes: readingTimeMinutes(textContent, lang, wordCount),
      wordCount,
      ...(unsure && { notice: UNSURE_NOTICE[unsure] }),
    },
  };
}
