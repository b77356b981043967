import type { Article } from '../article';
import { replaceAmpImages } from './amp-images';
import {
  annotateBlocks,
  detectBaseDirection,
  normalizeLang,
  type BaseDirection,
  type DirectionSignals,
} from '../direction';
import { holdKept, removeByRules, type BlockRule } from '../site-rules/block-rule';
import { builtinRulesFor } from '../site-rules/builtin';
import { removeCaptionCredits } from './caption-credits';
import {
  removeDuplicates,
  removeEmpty,
  removeLinkBoxes,
  removeToolBoxes,
  removeTrailingBoilerplate,
} from './clean-article';
import { removeCommentThreads } from './comment-threads';
import { removeRepeatedBlocks } from './repeated-blocks';
import { articleRegion, REGION_SHARE, REPEATED_PROSE, repeatedProse, withoutUnread } from './article-region';
import { revealPanels } from './reveal-panels';
import { completeStreaming } from './complete-streaming';
import { qaThread } from './qa-thread';
import { removeCounterLines, removeHeadLines, removeTailLines, type EdgeMetadata } from './edge-lines';
import { markHiddenLabels, removeHiddenLabels } from './hidden-labels';
import { bylineOrPrinted, cleanByline } from './site-title';
import { rememberingClutterClass } from './class-words';
import { FairReadability } from './fair-readability';
import { BoundedReadability } from './bounded-readability';
import { rememberLead, type LeadMedia } from './keep-lead';
import { mainText, preferMainText } from './main-text';
import { readMetadata, type PageMetadata } from './read-metadata';
import { readingTimeMinutes, countWords } from './reading-time';
import {
  removeClutterClasses,
  removeLabelledRails,
  removeNeverArticle,
  removeOutsideArticle,
  removeShareBoxes,
  removeTeaserLists,
} from './remove-clutter';
import { absolutizeUrls, resolveLazyImages } from './resolve-lazy-images';
import { squeezedLength } from './squeezed-length';
import { isMostlyTeasers, siteHosts } from './teaser-lists';
import { blockText } from './text-content';
import { measureTextWeight, type TextWeight } from './text-weight';
import { TimeBudgetExceeded, withDeadline } from './time-budget';
import { unclobber } from './unclobber';
import { hasText, UNSURE_NOTICE, unsureWhy, type Unsure } from './confidence';

export interface ExtractOptions {
  /** The page's URL: base for relative links, and the host that "same-site teaser" checks compare with. */
  url: string;
  /** Signals only the live page has (computed CSS direction). */
  signals?: DirectionSignals;
  /** Run Qari's clutter passes (default true); false gives plain Readability plus metadata, for comparison. */
  passes?: boolean;
  /** Passes to leave out, by the names in `stats` ("before.classes", "lead", "after.linkBoxes"…). */
  skip?: readonly SkipName[];
  /**
   * Milliseconds the extraction may take (default: no limit). Past them it stops, within a step of work, and
   * answers `reason: 'too-large'`: a page of hundreds of thousands of elements must cost the reader a clear
   * message, not minutes of a frozen tab.
   */
  budgetMs?: number;
  /** Site rules (src/site-rules): blocks to remove and to protect. Default: the built-in rules for `url`. */
  siteRules?: { remove: readonly BlockRule[]; keep: readonly string[] };
  /** Told each pass's name and duration as it finishes (milliseconds; a pass that was left out is not told). */
  onPass?: (name: PassName, ms: number) => void;
  /**
   * Another copy of the page as it was given (the live page cloned again, the saved bytes parsed again), asked for
   * only when Qari's passes leave no text: plain Readability then reads it (never refuse). Without it, a copy is
   * taken before the passes on every extraction (the 'spare' pass), which costs a clone of the page each time for a
   * fallback that a few pages in a thousand need. A copy that throws or returns null means no fallback.
   */
  copy?: () => Document | null;
}

export type ExtractResult =
  | { ok: true; article: Article; stats: Record<string, number> }
  | { ok: false; reason: 'not-article' | 'too-large'; title: string | null; message: string };

/** The refusal: only for a page with no text to show (never refuse otherwise: confidence.ts). */
const NO_TEXT = 'This page has no text Qari can show.';

// ---------------------------------------------------------------------------------------------------------------
// What the passes share.

/** Measures that several passes read, made once per extraction and dropped with it (never module state). */
export interface TextMeasures {
  /** The prose weight below `root` (text-weight.ts), measured the first time a pass asks and then kept. */
  weight(root: Element): TextWeight;
  /** hasClutterClass (class-words.ts), its answers kept by class-and-id value. */
  hasClutterClass(el: Element): boolean;
}

function textMeasures(): TextMeasures {
  const weights = new WeakMap<Element, TextWeight>();
  return {
    weight(root) {
      let weight = weights.get(root);
      if (!weight) weights.set(root, (weight = measureTextWeight(root)));
      return weight;
    },
    hasClutterClass: rememberingClutterClass(),
  };
}

/** One extraction before Readability: the page and what the passes learned of it. */
interface PageRun {
  doc: Document;
  url: string;
  options: ExtractOptions;
  stats: Record<string, number>;
  measures: TextMeasures;
  meta: PageMetadata | null;
  hosts: string[];
  htmlLang: string | null;
  rules: { remove: readonly BlockRule[]; keep: readonly string[] };
  /** Puts back the elements the site rules protect from the clutter passes (keep.hold swapped them out). */
  release: () => void;
  /** Screen-reader labels were marked (hidden-labels.ts): they are removed at the end. */
  hidden: boolean;
  qa: Element | null;
  lead: LeadMedia | null;
  /**
   * Plain Readability's view of the page, for when Qari's passes leave nothing to show: a copy of the prepared
   * page taken before the passes ran (the 'spare' pass). Null in the plain run itself.
   */
  spare: Document | null;
  /** This run is that fallback: what it finds is shown as found. */
  fallback: boolean;
  /** Qari's own find, when this fallback was asked for because that find was short (orFuller). */
  shortFind: ShortFind | null;
  /** The page had the preparation passes already (the spare copy is taken after them; `options.copy`'s is not). */
  prepared: boolean;
  /** The length of the page's own content region (article-region.ts) as Readability was given it; Qari's run only. */
  region: number | null;
  /**
   * What orRegion needs to show that whole region instead of Qari's find without reading the page again (Qari's run
   * only, and only when the page marks a region).
   */
  regionView: RegionView | null;
}

/**
 * The page's content region as Readability was given it (a copy, taken just before Readability took the page apart),
 * Readability's find on the page (its metadata goes with the region, as it did when the region was read from a second
 * copy of the page through the same passes) and the counts of the passes so far.
 */
interface RegionView {
  el: Element;
  found: NonNullable<Parsed>;
  stats: Record<string, number>;
}

/** After Readability: its result, and what the passes after it share. */
interface ArticleRun extends PageRun {
  meta: PageMetadata;
  parsed: NonNullable<ReturnType<FairReadability<Element>['parse']>>;
  root: Element;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** Judged on what Readability chose, before the after-passes take teaser lists out of it. */
  teaserPage: boolean;
  /**
   * Known metadata for the edge lines; a "By …" line removed at the head adds the byline for the tail. The three
   * edge-line passes run back to back: each hands the next its lines when it removed none (edge-lines.ts).
   */
  edge: EdgeMetadata;
  /** A byline printed on the page ("By …"), for pages whose metadata names only the organisation. */
  pageByline: string | null;
  textContent: string;
  base: BaseDirection | null;
  /** Why Qari is unsure this is the page's main text (the reader and popup say so in one line), or null. */
  unsure: Unsure | null;
}

/** What a pass answers: how many things it removed or restored (counted in `stats`), or nothing. */
type Count = number | void;

interface PassBase {
  readonly name: string;
  /**
   * One of Qari's own passes: left out when `passes: false` and, by its name, when `skip` names it. Passes without
   * it (Readability, the preparation of the clone, the verdict and the direction) always run.
   */
  readonly qari?: true;
  /** Part of another pass: left out with it, and its count goes into that pass's stat. */
  readonly of?: string;
}

type Pass =
  | (PassBase & { readonly stage: 'prepare' | 'before'; run(run: PageRun): Count })
  | (PassBase & { readonly stage: 'readability'; run(run: PageRun): ArticleRun | ExtractResult })
  | (PassBase & { readonly stage: 'after'; run(run: ArticleRun): Count })
  | (PassBase & { readonly stage: 'finish'; run(run: ArticleRun): ExtractResult | void });

// ---------------------------------------------------------------------------------------------------------------
// The pipeline: every pass, in the order it runs. A pass's count is its stat, under its name (or its `of`).

const PASSES = [
  // The clone as Readability and the passes need it.
  { name: 'unclobber', stage: 'prepare', run: ({ doc }) => void unclobber(doc) },
  // A streamed page read from its bytes: its parts put where its scripts would have put them (complete-streaming.ts).
  { name: 'streaming', stage: 'prepare', run: ({ doc }) => void completeStreaming(doc) },
  // Collapsed sections (an FAQ's answers) shown: a reader view has no buttons to open them (reveal-panels.ts).
  { name: 'panels', stage: 'prepare', run: ({ doc }) => void revealPanels(doc) },
  { name: 'ampImages', stage: 'prepare', run: ({ doc }) => void replaceAmpImages(doc) },
  { name: 'lazyImages', stage: 'prepare', run: ({ doc }) => resolveLazyImages(doc) },
  { name: 'absoluteUrls', stage: 'prepare', run: ({ doc, url }) => absolutizeUrls(doc, url) },
  {
    name: 'metadata',
    stage: 'prepare',
    run(run) {
      const { doc, url, options } = run;
      run.meta = readMetadata(doc);
      run.hosts = siteHosts(doc, url);
      run.htmlLang = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang');
      // Site rules: selector rules before Readability, text rules on its result (a far smaller tree); kept
      // elements sit out the clutter passes.
      if (options.passes !== false) run.rules = options.siteRules ?? builtinRulesFor(url, doc);
    },
  },
  // Before any pass removes anything: the copy the fallback reads if the passes leave no text (never refuse).
  {
    name: 'spare',
    stage: 'prepare',
    run: (run) => void (run.options.passes !== false && !run.options.copy && (run.spare = spareCopy(run.doc))),
  },

  // Before Readability: what is never article, so that Readability can neither keep it nor choose it.
  {
    name: 'site.removed',
    stage: 'before',
    qari: true,
    run: ({ doc, rules }) =>
      rules.remove.length
        ? removeByRules(
            doc,
            rules.remove.filter((r) => r.kind === 'selector'),
          )
        : undefined,
  },
  // Screen-reader labels are marked, not removed: the passes after Readability read them (hidden-labels.ts).
  { name: 'hidden', stage: 'before', qari: true, run: (run) => void ((run.hidden = true), markHiddenLabels(run.doc)) },
  { name: 'keep.hold', stage: 'before', run: (run) => void (run.release = holdKept(run.doc, run.rules.keep)) },
  { name: 'before.never', stage: 'before', qari: true, run: (run) => onBody(run, removeNeverArticle) },
  { name: 'before.outsideArticle', stage: 'before', qari: true, run: (run) => onBody(run, removeOutsideArticle) },
  {
    name: 'before.classes',
    stage: 'before',
    qari: true,
    run: (run) => onBody(run, (body, weight) => removeClutterClasses(body, weight, run.measures.hasClutterClass)),
  },
  { name: 'before.share', stage: 'before', qari: true, run: (run) => onBody(run, removeShareBoxes) },
  { name: 'before.rails', stage: 'before', qari: true, run: (run) => onBody(run, removeLabelledRails) },
  {
    name: 'before.teasers',
    stage: 'before',
    qari: true,
    run: (run) => onBody(run, (body, weight) => removeTeaserLists(body, run.hosts, weight)),
  },
  { name: 'keep.release', stage: 'before', run: ({ release }) => release() },
  // A Q&A page's content is its question and every answer (read before Readability takes the document apart).
  { name: 'qa', stage: 'before', qari: true, run: (run) => void (run.qa = qaThread(run.doc)) },
  // Remembered before Readability, restored after it (lead.restore); one name for the stat and the skip option.
  { name: 'lead', stage: 'before', qari: true, run: (run) => void (run.lead = run.qa ? null : rememberLead(run.doc)) },

  { name: 'readability', stage: 'readability', run: readability },

  // After Readability: what it kept inside the chosen container but a reader does not want.
  {
    name: 'qa.replace',
    of: 'qa',
    stage: 'after',
    run: ({ qa, root }) => {
      if (!qa) return;
      const posts = qa.childElementCount;
      root.replaceChildren(...Array.from(qa.childNodes));
      return posts;
    },
  },
  { name: 'teaserPage', stage: 'after', run: (run) => void (run.teaserPage = isMostlyTeasers(run.root, run.hosts)) },
  { name: 'lead.restore', of: 'lead', stage: 'after', run: ({ lead, root }) => lead?.restore(root) },
  { name: 'keep.hold', stage: 'after', run: (run) => void (run.release = holdKept(run.root, run.rules.keep)) },
  {
    name: 'after.rails',
    stage: 'after',
    qari: true,
    run: ({ root, measures }) => removeLabelledRails(root, measures.weight(root)),
  },
  {
    name: 'after.teasers',
    stage: 'after',
    qari: true,
    run: ({ root, hosts, measures }) => removeTeaserLists(root, hosts, measures.weight(root)),
  },
  {
    name: 'after.tools',
    stage: 'after',
    qari: true,
    run: ({ root, measures }) => removeToolBoxes(root, measures.weight(root)),
  },
  {
    name: 'after.duplicates',
    stage: 'after',
    qari: true,
    run: ({ root, measures, title, byline, siteName }) =>
      removeDuplicates(root, measures.weight(root), { title, byline, siteName }),
  },
  {
    name: 'after.repeats',
    stage: 'after',
    qari: true,
    run: ({ root, measures }) => removeRepeatedBlocks(root, measures.weight(root)),
  },
  {
    name: 'after.linkBoxes',
    stage: 'after',
    qari: true,
    run: ({ root, measures }) => removeLinkBoxes(root, measures.weight(root)),
  },
  { name: 'after.boilerplate', stage: 'after', qari: true, run: ({ root }) => removeTrailingBoilerplate(root) },
  // Containers the passes above left empty: Qari's, but not switchable (it only tidies up after them).
  {
    name: 'after.empty',
    stage: 'after',
    run: ({ root, options }) => void (options.passes !== false && removeEmpty(root)),
  },
  { name: 'keep.release', stage: 'after', run: ({ release }) => release() },
  // Before the edge lines: a thread's header ("58 reactions") is then the article's last line.
  { name: 'after.comments', stage: 'after', qari: true, run: ({ root }) => removeCommentThreads(root) },
  { name: 'after.datelines', stage: 'after', qari: true, run: ({ root, edge }) => removeHeadLines(root, edge) },
  { name: 'after.counters', stage: 'after', qari: true, run: ({ root, edge }) => removeCounterLines(root, edge) },
  { name: 'after.tail', stage: 'after', qari: true, run: ({ root, edge }) => removeTailLines(root, edge) },
  { name: 'after.credits', stage: 'after', qari: true, run: ({ root }) => removeCaptionCredits(root) },
  {
    name: 'hidden.remove',
    of: 'hidden',
    stage: 'after',
    run: ({ hidden, root }) => (hidden ? removeHiddenLabels(root) : undefined),
  },
  {
    name: 'site.removedText',
    of: 'site.removed',
    stage: 'after',
    run: ({ rules, root }) => {
      const byText = rules.remove.filter((r) => r.kind === 'text');
      return byText.length ? removeByRules(root, byText) : undefined;
    },
  },

  // The verdict and the article.
  { name: 'classes', stage: 'finish', run: ({ root }) => stripClasses(root) },
  { name: 'verdict', stage: 'finish', run: verdict },
  { name: 'direction', stage: 'finish', run: direction },
  { name: 'article', stage: 'finish', run: article },
] as const satisfies readonly Pass[];

/** Every pass by name, in order (`onPass` tells these). */
export type PassName = (typeof PASSES)[number]['name'];

/**
 * Names `skip` accepts: Qari's passes (the names in `stats`), "commas", Readability's comma count made fair to
 * Arabic script (fair-readability.ts), and "region", showing the page's whole content region when Readability chose
 * a section of it (orRegion). A misspelt name does not compile.
 */
export type SkipName = Extract<(typeof PASSES)[number], { qari: true }>['name'] | 'commas' | 'region';

export const SKIP_NAMES: readonly SkipName[] = [
  ...new Set(PASSES.flatMap((p) => ('qari' in p && p.qari ? [p.name] : []))),
  'commas',
  'region',
];

export function isSkipName(name: string): name is SkipName {
  return (SKIP_NAMES as readonly string[]).includes(name);
}

// ---------------------------------------------------------------------------------------------------------------
// The passes that need more than a line.

/** A before-pass on the page body, with the text weight all of them share (measured at the first one that runs). */
function onBody(run: PageRun, pass: (body: Element, weight: TextWeight) => number): number {
  const body = run.doc.body;
  return body ? pass(body, run.measures.weight(body)) : 0;
}

function readability(run: PageRun): ArticleRun | ExtractResult {
  const { doc, options } = run;
  const meta = run.meta!;
  // "commas": Readability counting Arabic commas where it counts ASCII ones (see fair-readability.ts).
  const Extractor =
    options.passes !== false && !options.skip?.includes('commas') ? FairReadability : BoundedReadability;
  // The fallback's last resort reads a copy of the page as it was before Readability took it apart.
  const rest = run.fallback ? bodyCopy(doc) : null;
  // Qari's run measures the page's content region for orRegion, and keeps a copy of it to show if need be (a copy
  // of the region costs a small part of reading the page again: WCXB dev, Chromium, under 1 % of the extraction).
  // Not for a Q&A thread (its posts are its content) nor when `skip` names "region".
  const region =
    options.passes !== false && !run.fallback && !run.qa && !options.skip?.includes('region')
      ? articleRegion(doc)
      : null;
  run.region = region?.length ?? null;
  const regionCopy = region ? (region.el.cloneNode(true) as Element) : null;
  const pageTitle = doc.title;
  const found = new Extractor<Element>(doc, {
    serializer: (node) => node as Element,
    keepClasses: true, // our after-passes read class names; they are stripped below
  }).parse();
  if (regionCopy && found) run.regionView = { el: regionCopy, found, stats: { ...run.stats } };
  const parsed = rest ? orMainText(found, rest, pageTitle, run.shortFind) : found;
  return articleRun(run, meta, parsed);
}

/** `run` after Readability: its find (`parsed`) and what the passes after it share, or the refusal when it found none. */
function articleRun(run: PageRun, meta: PageMetadata, parsed: Parsed): ArticleRun | ExtractResult {
  const root = parsed?.content;
  const title = meta.title ?? parsed?.title?.trim() ?? null;
  if (!parsed || !root) return { ok: false, reason: 'not-article', title, message: NO_TEXT };
  const byline = meta.byline ?? parsed.byline ?? null;
  const siteName = meta.siteName ?? parsed.siteName ?? null;
  const next: ArticleRun = {
    ...run,
    meta,
    parsed,
    root,
    title,
    byline,
    siteName,
    teaserPage: false,
    edge: { byline, siteName, onByline: (name) => (next.pageByline ??= name) },
    pageByline: null,
    textContent: '',
    base: null,
    unsure: null,
  };
  return next;
}

type Parsed = ReturnType<FairReadability<Element>['parse']>;

/**
 * Plain Readability's find, or the page's main text when Readability found nothing or a fragment of it (never
 * refuse a page that has text: main-text.ts). `rest` is a copy of the page's body, taken before Readability took it apart.
 */
function orMainText(found: Parsed, rest: Element, title: string, shortFind: ShortFind | null): Parsed {
  const length = found?.content ? squeezedLength(found.content) : null;
  // Qari's own find was short (orFuller) and Readability's is no fuller, by orFuller's own test (in words: measured
  // in characters, a find 2.6 times longer and 2.47 times as many words was neither fuller nor a fragment, and
  // WCXB dev 4486 showed 32 words of a 1,818-word guide): the main text may be.
  const fragment =
    shortFind !== null && !isFuller(found?.content ? countWords(found.content.textContent ?? '') : 0, shortFind.words)
      ? shortFind.length
      : null;
  // Not worth reading the page again when no main text could be preferred to Readability's find.
  if (!preferMainText(length, Infinity, fragment)) return found;
  const main = mainText(rest);
  if (!preferMainText(length, squeezedLength(main), fragment)) return found;
  return asParsed(main, title);
}

/** Content Qari found itself, as Readability would have handed it over, without the metadata Readability reads. */
function asParsed(content: Element, title: string): NonNullable<Parsed> {
  return {
    title,
    ...asContent(content),
    excerpt: null,
    byline: null,
    dir: null,
    siteName: null,
    lang: null,
    publishedTime: null,
  };
}

function asContent(content: Element): { content: Element; textContent: string; length: number } {
  const textContent = content.textContent ?? '';
  return { content, textContent, length: textContent.length };
}

/** `el` in a div of its own, as Readability wraps its find: the after-passes may remove `el`'s own children. */
function wrapped(el: Element): Element {
  const div = el.ownerDocument.createElement('div');
  div.append(el);
  return div;
}

function stripClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) el.removeAttribute('class');
  root.removeAttribute('class');
}

/** Refused only when there is nothing to show; a short or list-like page is shown with a notice (confidence.ts). */
function verdict(run: ArticleRun): ExtractResult | void {
  const { root, title, teaserPage } = run;
  const textContent = blockText(root);
  if (!hasText(textContent)) return { ok: false, reason: 'not-article', title, message: NO_TEXT };
  run.textContent = textContent;
  run.unsure = run.fallback ? 'uncleaned' : unsureWhy(textContent, teaserPage);
}

function direction(run: ArticleRun): void {
  const { root, options, htmlLang, parsed, meta } = run;
  run.base = detectBaseDirection(root, {
    ...options.signals,
    langHints: [htmlLang, parsed.lang, ...meta.langHints, ...(options.signals?.langHints ?? [])],
  });
}

function article(run: ArticleRun): ExtractResult {
  const { root, url, meta, parsed, title, siteName, textContent, stats } = run;
  const base = run.base!;
  annotateBlocks(root, base.dir);
  const lang = normalizeLang(base.lang);
  if (lang) root.setAttribute('lang', lang);
  const wordCount = countWords(textContent);
  return {
    ok: true,
    stats,
    article: {
      url,
      title: title ?? '',
      byline: bylineOrPrinted(meta.byline ?? cleanByline(parsed.byline ?? null, siteName), siteName, run.pageByline),
      siteName,
      publishedTime: meta.publishedTime ?? parsed.publishedTime ?? null,
      lang,
      dir: base.dir,
      excerpt: meta.excerpt ?? parsed.excerpt ?? null,
      leadImage: meta.leadImage,
      content: root.outerHTML,
      textContent,
      readingTimeMinutes: readingTimeMinutes(textContent, lang, wordCount),
      wordCount,
      ...(run.unsure && { notice: UNSURE_NOTICE[run.unsure] }),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Running the pipeline.

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
 * A copy of the page, or none when the DOM cannot copy it: jsdom's cloneNode rejects element names its parser
 * accepted ("<title", from tag soup: test/robustness); such a page is extracted without the fallback, as before it.
 */
function spareCopy(doc: Document): Document | null {
  try {
    return doc.cloneNode(true) as Document;
  } catch {
    return null;
  }
}

/** A copy of the page's body, or none (no body, or one the DOM cannot copy: see spareCopy). */
function bodyCopy(doc: Document): Element | null {
  try {
    return (doc.body?.cloneNode(true) as Element | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Passes the spare copy has had already (it is taken after them), and that need a window it lacks in Node. */
const DONE_ON_SPARE: ReadonlySet<string> = new Set<PassName>([
  'unclobber',
  'streaming',
  'panels',
  'ampImages',
  'lazyImages',
  'absoluteUrls',
]);

/**
 * The extraction, and when Qari's passes leave no text, plain Readability on the copy taken before them: never
 * refuse a page that has text (confidence.ts).
 */
function* extractSteps(doc: Document, options: ExtractOptions): Generator<void, ExtractResult> {
  const page = pageRun(doc, options, false, false);
  const result = yield* pipeline(page);
  if (result.ok) {
    if (options.passes === false) return result;
    const fuller = yield* orFuller(result, page);
    return fuller === result ? yield* orRegion(result, page) : fuller;
  }
  if (result.reason !== 'not-article') return result;
  return yield* plainReadability(page, result);
}

/**
 * Plain Readability on the copy taken before the passes (or the caller's copy), or `otherwise` when there is no
 * copy or its run fails.
 */
function* plainReadability(
  page: PageRun,
  otherwise: ExtractResult,
  shortFind: ShortFind | null = null,
): Generator<void, ExtractResult> {
  const plain = { ...page.options, passes: false };
  const copy = takeCopy(page);
  if (!copy) return otherwise;
  return yield* orNoText(pipeline({ ...pageRun(copy.doc, plain, true, copy.prepared), shortFind }), otherwise);
}

/**
 * The spare copy (once: a run consumes it; it has had the preparation passes), else the caller's fresh copy, else
 * none.
 */
function takeCopy(page: PageRun): { doc: Document; prepared: boolean } | null {
  const spare = page.spare;
  page.spare = null;
  if (spare) return { doc: spare, prepared: true };
  const fresh = page.options.copy ? freshCopy(page.options.copy) : null;
  return fresh ? { doc: fresh, prepared: false } : null;
}

/**
 * Qari's find, or the page's whole content region when the find is a section of it (article-region.ts): the region
 * as Readability was given it (the copy in `regionView`) through the passes after Readability, shown instead of
 * Readability's choice with the metadata Readability read.
 */
function* orRegion(result: ExtractResult & { ok: true }, page: PageRun): Generator<void, ExtractResult> {
  if (page.region === null || result.article.textContent.length >= REGION_SHARE * page.region) return result;
  const view = page.regionView;
  page.regionView = null; // the passes take the copy apart: once
  if (!view) return result;
  // The run as it stood when Readability was given the page: its counts so far, fresh measures for the new root.
  const run = articleRun(
    { ...page, stats: { ...view.stats }, measures: textMeasures(), release: () => {} },
    page.meta!,
    {
      ...view.found,
      ...asContent(wrapped(withoutUnread(view.el))),
    },
  );
  if ('ok' in run) return result;
  const wide = yield* orNoText(pipeline(run, run), result);
  // A region holding the article twice is a page of copies, and Readability's find is one of them.
  return wide.ok &&
    wide.article.wordCount > result.article.wordCount &&
    repeatedProse(wide.article.textContent) < REPEATED_PROSE
    ? wide
    : result;
}

/**
 * Below this many words, Qari's find may be a fragment its passes left of a page plain Readability reads whole:
 * a listing whose list the teaser passes took, a page where removing the navigation made Readability choose another
 * block. Short pages are cheap to read twice.
 */
const SHORT_FIND_WORDS = 300;
/** How many times more words plain Readability must find for its view to be preferred (recall first). */
const FULLER_FIND = 2.5;

/**
 * Qari's find, or plain Readability's when Qari's is short and Readability's is several times longer: losing most of
 * a page is worse than showing it with its clutter (issue 10, recall first). When Readability's is no fuller, the
 * page's main text may be (main-text.ts, preferMainText): a product, listing or forum page whose text is in neither.
 */
function* orFuller(result: ExtractResult & { ok: true }, page: PageRun): Generator<void, ExtractResult> {
  const words = result.article.wordCount;
  // Only a find Qari itself calls short: a list of teasers is shown as a list knowingly (its rails left out), and a
  // sure article above a long comment thread is the article (Readability may well prefer the thread).
  if (words >= SHORT_FIND_WORDS || result.article.notice !== UNSURE_NOTICE.short) return result;
  const plain = yield* plainReadability(page, result, { words, length: result.article.textContent.length });
  return plain.ok && isFuller(plain.article.wordCount, words) ? plain : result;
}

/** Qari's find when it was short: its words (what "fuller" counts) and its length (what the main text is held to). */
interface ShortFind {
  words: number;
  length: number;
}

/** Plain Readability's find of `words` words is fuller than Qari's short find of `qariWords`. */
function isFuller(words: number, qariWords: number): boolean {
  return words >= FULLER_FIND * Math.max(qariWords, 1);
}

/** The caller's copy of the page, or none when making it fails (the refusal stands, as without a copy). */
function freshCopy(copy: () => Document | null): Document | null {
  try {
    return copy();
  } catch {
    return null;
  }
}

/**
 * The fallback, or the refusal Qari gave before there was one: markup that only the second Readability run trips
 * over (tag soup with element names such as "<title", found by test/robustness) must not turn into an exception.
 */
function* orNoText(steps: Generator<void, ExtractResult>, refusal: ExtractResult): Generator<void, ExtractResult> {
  try {
    return yield* steps;
  } catch (error) {
    if (error instanceof TimeBudgetExceeded) throw error;
    return refusal;
  }
}

function pageRun(doc: Document, options: ExtractOptions, fallback: boolean, prepared: boolean): PageRun {
  return {
    doc,
    url: options.url,
    options,
    stats: {},
    measures: textMeasures(),
    meta: null,
    hosts: [],
    htmlLang: null,
    rules: { remove: [], keep: [] },
    release: () => {},
    hidden: false,
    qa: null,
    lead: null,
    spare: null,
    fallback,
    shortFind: null,
    prepared,
    region: null,
    regionView: null,
  };
}

/**
 * The passes in order, one `yield` after each (a step that may take a while on a huge page). Given `after`, a run
 * that has had Readability (`page` is then that run), only the passes after Readability.
 */
function* pipeline(page: PageRun, after: ArticleRun | null = null): Generator<void, ExtractResult> {
  const { options } = page;
  const qari = options.passes !== false;
  const skip = new Set<string>(options.skip ?? []);
  let run: ArticleRun | null = after;
  for (const pass of PASSES as readonly Pass[]) {
    if (after && (pass.stage === 'prepare' || pass.stage === 'before' || pass.stage === 'readability')) continue;
    if (pass.qari && (!qari || skip.has(pass.name))) continue;
    if (pass.of && (!qari || skip.has(pass.of))) continue;
    if (page.prepared && DONE_ON_SPARE.has(pass.name)) continue;
    const t0 = options.onPass ? performance.now() : 0;
    let count: Count = undefined;
    let result: ExtractResult | void = undefined;
    switch (pass.stage) {
      case 'readability': {
        const next = pass.run(page);
        if ('ok' in next) result = next;
        else run = next;
        break;
      }
      case 'prepare':
      case 'before':
        count = pass.run(page);
        break;
      case 'after':
        count = pass.run(run!);
        break;
      case 'finish':
        result = pass.run(run!);
    }
    if (typeof count === 'number') {
      const key = pass.of ?? pass.name;
      page.stats[key] = (page.stats[key] ?? 0) + count;
    }
    options.onPass?.(pass.name as PassName, performance.now() - t0);
    if (result) return result;
    yield;
  }
  throw new Error('The pipeline ended without an article or a verdict.');
}
