import './own-browser-global';
import type { Article } from '../src/article';
import { extractArticle } from '../src/extract/extract-article';
import { listImageSources } from '../src/library/map-image-sources';
import {
  handleMessages,
  onPreparedReaderHeld,
  QariError,
  type ContentMethods,
  type TabInspection,
} from '../src/messages';
import { pageDocument } from './page-document';
import { readLiveSignals } from './read-live-signals';
import {
  discardPreparedFrame,
  hideReaderFrame,
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
  article: Article | null;
  title: string | null;
  reason: string | null;
}

let cached: Extraction | null = null;

function extract(): Extraction {
  if (cached && cached.url === location.href) return cached;
  if (pageDocument.contentType() === 'application/pdf' || pageDocument.query('embed[type="application/pdf"]')) {
    return (cached = {
      url: location.href,
      article: null,
      title: pageDocument.title() || null,
      reason: 'This is a PDF. Qari reads web pages, not PDF files.',
    });
  }
  if (!pageDocument.body() || !pageDocument.root()) {
    return (cached = {
      url: location.href,
      article: null,
      title: null,
      reason: 'This page has no text Qari can read.',
    });
  }
  try {
    const signals = readLiveSignals();
    const result = extractArticle(pageDocument.clone(), { url: location.href, signals });
    cached = result.ok
      ? { url: location.href, article: result.article, title: result.article.title, reason: null }
      : {
          url: location.href,
          article: null,
          title: result.title ?? (pageDocument.title() || null),
          reason: result.message,
        };
  } catch (error) {
    // Hostile or broken markup must cost the reader a clear message, never a dead button.
    const message = error instanceof Error ? error.message : String(error);
    cached = { url: location.href, article: null, title: null, reason: `Qari could not read this page (${message}).` };
  }
  return cached;
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

function inspection(tabId: number): TabInspection {
  const { article, title, reason } = extract();
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
    readerOpen: isReaderShown(),
  };
}

// An own property of this content script's global: the page cannot fake it with <div id="__qariContent">.
if (!Object.prototype.hasOwnProperty.call(globalThis, INSTANCE)) {
  Object.defineProperty(globalThis, INSTANCE, { value: true });
  handleMessages<ContentMethods>('content', {
    analyze: ({ tabId }) => inspection(tabId),
    getArticle: () => {
      const { article, reason } = extract();
      if (!article) throw new QariError(reason ?? 'No article was found on this page.', 'not-article');
      return article;
    },
    showReader: ({ tabId }) => {
      const { article, reason } = extract();
      if (!article) throw new QariError(reason ?? 'No article was found on this page.', 'not-article');
      showReaderFrame(tabId, hideReaderFrame);
      return { open: true };
    },
    hideReader: () => {
      hideReaderFrame();
      return { open: false };
    },
    isReaderOpen: () => ({ open: isReaderShown() }),
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
    prepare: (tabId) => {
      if (extract().article && !isReaderShown()) prepareReaderFrame(tabId);
    },
    show: (tabId) => {
      if (!extract().article) return false;
      showReaderFrame(tabId, hideReaderFrame);
      return true;
    },
    release: discardPreparedFrame,
  });
  addEventListener('pagehide', discardPreparedFrame);
}
