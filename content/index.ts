import './own-browser-global';
import type { Article } from '../src/article';
import { extractArticle, extractArticleInSteps } from '../src/extract/extract-article';
import { listImageSources } from '../src/library/map-image-sources';
import { foldText, normalizeBlockText, type BlockRule } from '../src/site-rules/block-rule';
import { describeBlock } from '../src/site-rules/describe-block';
import { siteRulesFor } from '../src/site-rules/site-rules-for';
import {
  callBackground,
  handleMessages,
  onPreparedReaderHeld,
  QariError,
  type ContentMethods,
  type TabInspection,
} from '../src/messages';
import { contentPolicy } from '../src/message-policy';
import { pageDocument } from './page-document';
import { readLiveSignals } from './read-live-signals';
import {
  discardPreparedFrame,
  hideReaderFrame,
  isReaderFrameToken,
  isReaderShown,
  prepareReaderFrame,
  showReaderFrame,
} from './reader-frame';

/**
 * Injected on demand (activeTab + scripting), never declared for all pages: nothing of Qari runs on a page
 * until the reader asks for it. Injection can repeat (popup opened twice); the flag keeps one instance.
 */

const INSTANCE = '__qariContent';

interface Extraction {
  url: string;
  /** The site rules it was made with: a rule added or restored since makes it stale. */
  rulesKey: string;
  article: Article | null;
  title: string | null;
  reason: string | null;
}

/**
 * Extraction runs in the page's main thread: it gives the thread back between its steps, and stops with a clear
 * message after this long (a page of hundreds of thousands of elements), so the page never freezes for minutes.
 */
const BUDGET_MS = 5000;
/** A macrotask boundary without timer clamping: input and rendering of the page can run in between. */
const pause = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

type SiteRules = ReturnType<typeof siteRulesFor>;

/** The extraction of the current URL with the current site rules, shared by every request made while it runs. */
let cached: { url: string; rulesKey: string; extraction: Promise<Extraction> } | null = null;
/** The last extraction that finished: the prepared reader's port handlers need it synchronously. */
let settled: Extraction | null = null;

/**
 * The site rules as they are now: read on every request, so a change from the reader or popup applies at once.
 * The removed blocks come from the background, which answers with this page's site's only (content scripts
 * cannot read extension storage where the browser can forbid it).
 */
async function currentRules(): Promise<SiteRules> {
  return siteRulesFor(location.href, await callBackground('removedBlocks', {}).catch(() => []), document);
}

/** The reader frame's requests carry the token this script gave it; anything else is a frame some page made. */
function checkToken(token: string): void {
  if (!isReaderFrameToken(token)) throw new QariError('This reader is not one Qari opened.', 'internal');
}

async function liveArticle(): Promise<Article> {
  const { article, reason } = await extract();
  if (!article) throw new QariError(reason ?? 'No article was found on this page.', 'not-article');
  return article;
}

/** One synchronous extraction (used to check a "Remove this block" rule; the reader's own goes in steps). */
function run(rules: SiteRules): ReturnType<typeof extractArticle> {
  return extractArticle(pageDocument.clone(), {
    url: location.href,
    signals: readLiveSignals(),
    siteRules: rules,
    copy: pageDocument.clone,
  });
}

async function extract(): Promise<Extraction> {
  const rules = await currentRules();
  const rulesKey = JSON.stringify(rules);
  if (!cached || cached.url !== location.href || cached.rulesKey !== rulesKey) {
    const extraction = read(rules, rulesKey).then((done) => (settled = done));
    cached = { url: location.href, rulesKey, extraction };
  }
  return cached.extraction;
}

async function read(rules: SiteRules, rulesKey: string): Promise<Extraction> {
  if (pageDocument.contentType() === 'application/pdf' || pageDocument.query('embed[type="application/pdf"]')) {
    return {
      url: location.href,
      rulesKey,
      article: null,
      title: pageDocument.title() || null,
      reason: 'This is a PDF. Qari reads web pages, not PDF files.',
    };
  }
  if (!pageDocument.body() || !pageDocument.root()) {
    return {
      url: location.href,
      rulesKey,
      article: null,
      title: null,
      reason: 'This page has no text Qari can read.',
    };
  }
  try {
    const signals = readLiveSignals();
    // `copy`: the page is cloned a second time only when Qari's passes leave no text (the never-refuse fallback).
    const options = { url: location.href, signals, budgetMs: BUDGET_MS, siteRules: rules, copy: pageDocument.clone };
    const result = await extractArticleInSteps(pageDocument.clone(), options, pause);
    return result.ok
      ? { url: location.href, rulesKey, article: result.article, title: result.article.title, reason: null }
      : {
          url: location.href,
          rulesKey,
          article: null,
          title: result.title ?? (pageDocument.title() || null),
          reason: result.message,
        };
  } catch (error) {
    // Hostile or broken markup must cost the reader a clear message, never a dead button.
    const message = error instanceof Error ? error.message : String(error);
    return {
      url: location.href,
      rulesKey,
      article: null,
      title: null,
      reason: `Qari could not read this page (${message}).`,
    };
  }
}

function originsOf(urls: string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(`${new URL(url).origin}/*`);
    } catch {
      /* not a URL: nothing to ask for */
    }
  }
  return [...origins];
}

/**
 * "Remove this block": the rule must still leave an article, without that block's text and with at least half
 * of its words (a selector that names the article's own container is refused).
 */
async function ruleForBlock(text: string): Promise<BlockRule | null> {
  const rules = await currentRules();
  const before = run(rules);
  const target = normalizeBlockText(text);
  return describeBlock(document, text, (rule) => {
    const after = run({ ...rules, remove: [...rules.remove, rule] });
    if (!after.ok) return false;
    if (foldText(after.article.textContent).includes(target)) return false;
    return !before.ok || after.article.wordCount >= before.article.wordCount * 0.5;
  });
}

async function inspection(tabId: number): Promise<TabInspection> {
  const { article, title, reason } = await extract();
  return {
    tabId,
    url: location.href,
    imageOrigins: article ? originsOf(listImageSources(article.content)) : [],
    title: article?.title || title,
    readingTimeMinutes: article?.readingTimeMinutes ?? null,
    lang: article?.lang ?? null,
    dir: article?.dir ?? null,
    isArticle: !!article,
    reason,
    notice: article?.notice ?? null,
    readerOpen: isReaderShown(),
  };
}

// An own property of this content script's global: the page cannot fake it with <div id="__qariContent">.
if (!Object.prototype.hasOwnProperty.call(globalThis, INSTANCE)) {
  Object.defineProperty(globalThis, INSTANCE, { value: true });
  handleMessages<ContentMethods, typeof contentPolicy>('content', contentPolicy, {
    analyze: ({ tabId }) => inspection(tabId),
    getArticle: liveArticle,
    readerArticle: ({ token }) => {
      checkToken(token);
      return liveArticle();
    },
    showReader: async () => {
      await liveArticle();
      showReaderFrame(hideReaderFrame);
      return { open: true };
    },
    hideReader: () => {
      hideReaderFrame();
      return { open: false };
    },
    readerClose: ({ token }) => {
      checkToken(token);
      hideReaderFrame();
      return { open: false };
    },
    isReaderOpen: () => ({ open: isReaderShown() }),
    describeBlock: async ({ token, text }) => {
      checkToken(token);
      return { rule: await ruleForBlock(text) };
    },
    fetchImage: async ({ url }) => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
        if (!response.ok) return { error: `The site answered ${response.status}.` };
        const blob = await response.blob();
        const dataUrl = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
          reader.readAsDataURL(blob);
        });
        return { dataUrl };
      } catch (error) {
        return { error: `Could not download (${(error as Error).name}).` };
      }
    },
  });
  // The popup holds a prepared (hidden) reader while it is open; nothing is prepared on a page that is not an
  // article, and a prepared frame goes when its last holder does, or when the page is hidden (bfcache).
  onPreparedReaderHeld({
    prepare: () => {
      // The popup connects after inspecting the tab, so the extraction is there.
      if (settled?.article && !isReaderShown()) prepareReaderFrame();
    },
    show: () => {
      if (!settled?.article) return false;
      showReaderFrame(hideReaderFrame);
      return true;
    },
    release: discardPreparedFrame,
  });
  addEventListener('pagehide', discardPreparedFrame);
}
