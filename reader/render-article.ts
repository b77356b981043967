import type { Article, Direction } from '../src/article';
import { countStrong } from '../src/direction';
import { sanitizeArticleHtml } from '../src/sanitize';
import { applyEasternDigits } from './eastern-digits';
import { publishedLabel, readingTimeLabel, type Label } from '../src/reading-labels';
import { isArabicScript, readingScript } from '../src/reading-script';
import { isSiteByline } from '../src/extract/site-title';

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

/** A piece of text Qari writes itself, isolated in its own language and direction (see src/reading-labels.ts). */
function labelled<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, label: Label) {
  const node = el(tag, `${className} label`, label.text);
  node.lang = label.lang;
  node.dir = label.dir;
  return node;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The page's own headline at the top of the body, when the header already shows it as the title: shown once. Only
 * a heading before any paragraph, and only the same words.
 */
function dropRepeatedHeadline(body: HTMLElement, title: string): void {
  const first = body.querySelector('h1, h2, h3, p');
  if (
    first &&
    /^H\d$/.test(first.tagName) &&
    squash(title).length >= 3 &&
    squash(first.textContent ?? '') === squash(title)
  )
    first.remove();
}

/**
 * Builds the reader's header and article. Everything from the page goes in as text, except the body, which
 * goes through the sanitizer first: the only way article HTML reaches this page.
 */
export interface RenderOptions {
  /** Arabic-Indic digits in an Arabic-script article. */
  easternDigits: boolean;
}

export function renderArticle(
  container: HTMLElement,
  article: Article,
  options: RenderOptions & { uiLang?: string | null },
): void {
  // The script's size, face and line height are set here, once, on the reader's root (reader.css
  // #reader[data-script]): a rule keyed on :lang() would apply again to every nested <article> of the page.
  const script = readingScript(article.lang, article.title || article.textContent.slice(0, 400));
  container.dataset.script = script;
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
  // Many sites put their own name in the author field ("Khabaronline News Agency - سایت خبرگزاری خبرآنلاین" on
  // khabaronline.ir): a byline of which every part names the site says nothing about who wrote the article.
  if (article.byline && !isSiteByline(article.byline, article.siteName, article.url)) {
    const byline = el('p', 'byline', article.byline);
    byline.dir = textDir(article.byline, article.dir);
    header.append(byline);
  }
  // Date and reading time, each isolated in its own language, separated by a dot that belongs to neither: laid out
  // in the article's direction, so no number runs into the next label ("۰۳:۲۵ · ۶ دقیقه").
  const details = el('p', 'details');
  const date = article.publishedTime ? publishedLabel(article.publishedTime, article.lang, options.uiLang) : null;
  if (date) {
    const time = labelled('time', 'published', date);
    time.dateTime = article.publishedTime!;
    details.append(time);
  }
  if (article.readingTimeMinutes > 0) {
    if (date) {
      const sep = el('span', 'sep', ' · ');
      sep.setAttribute('aria-hidden', 'true');
      details.append(sep);
    }
    details.append(
      labelled('bdi', 'reading-time', readingTimeLabel(article.readingTimeMinutes, article.lang, options.uiLang)),
    );
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
  dropRepeatedHeadline(body, article.title);
  // Images that fail to load would leave a broken-image box and an orphaned caption gap.
  for (const img of Array.from(body.querySelectorAll('img'))) {
    img.addEventListener('error', () => img.closest('picture, img')?.classList.add('missing'), { once: true });
  }

  if (options.easternDigits && article.dir === 'rtl' && isArabicScript(script)) {
    applyEasternDigits(body, article.lang);
    applyEasternDigits(details, article.lang);
  }
  container.replaceChildren(header, body);
  document.documentElement.lang = article.lang ?? 'en';
  document.title = article.title;
}
