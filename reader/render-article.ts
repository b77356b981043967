import type { Article, Direction } from '../src/article';
import { countStrong } from '../src/direction';
import { sanitizeArticleHtml } from '../src/sanitize';
import { applyEasternDigits } from './eastern-digits';
import { publishedLabel, readingTimeLabel } from '../src/reading-labels';

/** Direction of a short piece of text (title, byline) by majority of strong characters. */
function textDir(text: string, fallback: Direction): Direction {
  const { rtl, ltr } = countStrong(text);
  return rtl === ltr ? fallback : rtl > ltr ? 'rtl' : 'ltr';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Builds the reader's header and article. Everything from the page goes in as text, except the body, which
 * goes through the sanitizer first: the only way article HTML reaches this page.
 */
export interface RenderOptions {
  /** Arabic-Indic digits in an Arabic-script article. */
  easternDigits: boolean;
}

export function renderArticle(container: HTMLElement, article: Article, options: RenderOptions): void {
  const header = el('header', 'meta');
  header.lang = article.lang ?? '';
  header.dir = article.dir;
  if (article.siteName) {
    const site = el('p', 'site', article.siteName);
    site.dir = textDir(article.siteName, article.dir);
    header.append(site);
  }
  const title = el('h1', 'title', article.title);
  title.dir = textDir(article.title, article.dir);
  header.append(title);
  // Many sites put their own name in the author field; showing it twice says nothing.
  if (article.byline && article.byline.trim().toLowerCase() !== article.siteName?.trim().toLowerCase()) {
    const byline = el('p', 'byline', article.byline);
    byline.dir = textDir(article.byline, article.dir);
    header.append(byline);
  }
  const details = el('p', 'details');
  const date = article.publishedTime ? publishedLabel(article.publishedTime, article.lang) : null;
  if (date) {
    const time = el('time', 'published', date);
    time.dateTime = article.publishedTime!;
    details.append(time);
  }
  if (article.readingTimeMinutes > 0) {
    if (date) details.append(el('span', 'sep', ' · '));
    details.append(el('span', 'reading-time', readingTimeLabel(article.readingTimeMinutes, article.lang)));
  }
  header.append(details);
  // Qari shows a page it is unsure of rather than refusing it, and says so in one line (src/extract/confidence.ts).
  if (article.notice) {
    const notice = el('p', 'notice', article.notice);
    notice.setAttribute('role', 'note');
    notice.dir = 'auto';
    header.append(notice);
  }

  const body = el('article', 'content');
  if (article.lang) body.lang = article.lang;
  body.dir = article.dir;
  body.append(sanitizeArticleHtml(article.content));
  // Images that fail to load would leave a broken-image box and an orphaned caption gap.
  for (const img of Array.from(body.querySelectorAll('img'))) {
    img.addEventListener('error', () => img.closest('picture, img')?.classList.add('missing'), { once: true });
  }

  if (options.easternDigits && article.dir === 'rtl' && /^(ar|fa|ur|ps|ckb|ku|sd|ug)\b/.test(article.lang ?? 'ar')) {
    applyEasternDigits(body, article.lang);
    applyEasternDigits(details, article.lang);
  }
  container.replaceChildren(header, body);
  document.documentElement.lang = article.lang ?? 'en';
  document.title = article.title;
}
