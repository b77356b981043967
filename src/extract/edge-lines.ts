import { opensWithHiddenLabel } from './hidden-labels';

/**
 * After Readability: the short, non-sentence lines at the edges of the article body. Above the first paragraph:
 * datelines, "Updated …", bylines, reading time ("5 min read", "قراءة 5 دقائق"), news codes, view counters and
 * fields a hidden screen-reader label opens ("Role, BBC News عربي").
 * Below the last paragraph: the author's bio and signature, donation and newsletter appeals, disclaimers,
 * "View original content", tags, source and short-link lines, and a heading left with nothing under it. Anywhere:
 * a line that is nothing but a counter ("142 Likes · 9 Restacks", "12,408 مشاهدة", "from 29 votes"). Each rule is
 * about the shape of a line (dates, numbers, labels, names), in English, Arabic, Persian and Hebrew; nothing here
 * names a site.
 */

export interface EdgeMetadata {
  byline: string | null;
  siteName: string | null;
  /** Told the name on a "By …" / "بقلم …" / "اسم الكاتب، …" line removed above the body. */
  onByline?: (name: string) => void;
  /**
   * The lines the previous part found, when it removed none of them: the next part, run right after it on the same
   * tree, reads the same lines (finding them is a query and a check of every block: a third of these passes).
   */
  lines?: Element[] | undefined;
}

/** The outer lines below root: the ones the previous part left unchanged, or found anew. */
function linesOf(root: Element, known: EdgeMetadata): Element[] {
  const lines = known.lines ?? outerLines(root);
  known.lines = undefined;
  return lines;
}

/** Lines: elements holding text but no other block. */
const LINE = 'p, div, span, li, h2, h3, h4, h5, h6, time, small, address, header, footer, section, ul, ol, dl, dd';
const INNER_BLOCK = 'p, div, li, ul, ol, h2, h3, h4, h5, h6, section, header, footer, figure, table, pre, blockquote';
const MEDIA = 'img, picture, video, svg, table, pre, math, figure, iframe';
/** A line this long is prose: the head walk stops at the first one that is not a meta line. */
const PARAGRAPH = 80;

// Dates. Month and weekday names: English; Arabic (Egyptian/Gulf "يناير…" and Levantine/Iraqi "كانون الثاني…");
// Persian (solar Hijri and the Persian spelling of Gregorian months); Hebrew.
const MONTHS = [
  'january|february|march|april|may|june|july|august|september|october|november|december',
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر',
  'كانون الثاني|كانون الأول|كانون الاول|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني',
  'فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند',
  'ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر',
  'ינואר|פברואר|מרץ|מרס|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר',
].join('|');
const WEEKDAYS = [
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun',
  'الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد',
  'شنبه|یکشنبه|یک‌شنبه|دوشنبه|سه‌شنبه|سه شنبه|چهارشنبه|پنجشنبه|پنج‌شنبه|جمعه',
  'יום ראשון|יום שני|יום שלישי|יום רביעי|יום חמישי|יום שישי|שבת',
].join('|');
/**
 * Words that label a meta line or are its units: "Published", "Updated", "min read", "views"… A number next to one
 * of these is what makes a line a dateline or counter.
 */
const LABELS = [
  'published|posted|updated|last updated|first published|modified|min|mins|minute|minutes|read|reading',
  'views?|likes?|comments?|shares?|reactions?|votes?|ratings?|words?',
  'نشر|نشر في|نُشر|تم النشر|آخر تحديث|اخر تحديث|تحديث|محدث|تاريخ النشر|بقلم|كتب|كتبت|إعداد|قراءة|دقائق|دقيقة|دقيقتان|مشاهدة|مشاهدات|تعليق|تعليقات',
  'انتشار|تاریخ انتشار|منتشر شده|به‌روزرسانی|بروزرسانی|کد خبر|کد مطلب|شناسه خبر|زمان مطالعه|مطالعه|دقیقه|بازدید|نظر|به قلم|نویسنده|خبرنگار',
  'פורסם|עודכן|עדכון|מאת|זמן קריאה|דקות קריאה|דקות|דקה|קריאה|צפיות|תגובות',
].join('|');
/**
 * Small words of any sentence that also join a meta line's parts ("on", "at", "by", "from", "am", "pm", time zones,
 * "في", "و", "ב"): left out of the count of what remains, but never a sign of a meta line by themselves. "Polls open
 * at 7am" is a sentence with a number and "at", not a dateline.
 */
const CONNECTIVES = [
  'on|at|by|and|from|am|pm|time|gmt|utc|bst|est|edt|pst|pdt|cet|cest|gst|ast',
  'في|و|م|ص|مساء|صباحا',
  'ساعت|و',
  'בשעה|ב',
].join('|');
const BYLINE_PREFIX = /^(by|written by|words by|بقلم|كتب|كتبت|اسم الكاتب|به قلم|نوشته|מאת)[\s:：،,]+/i;

const boundary = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{M}])`, 'giu');
const MONTH_RE = boundary(MONTHS);
const WEEKDAY_RE = boundary(WEEKDAYS);
const LABEL_RE = boundary(LABELS);
const CONNECTIVE_RE = boundary(CONNECTIVES);
/** A sentence's end: a full stop, question or exclamation mark, except the one of "a.m." / "p.m.". */
const SENTENCE_END = /(?<![ap]\.m)[.!?؟]$/iu;
/** Digits of any script (ASCII, Arabic-Indic, Persian), with the separators of dates, times and counts. */
const NUMBER_RE = /[\d٠-٩۰-۹]+(?:[.,:/٫٬\-–][\d٠-٩۰-۹]+)*[kKmM]?/gu;
const DIGIT = /[\d٠-٩۰-۹]/u;
/** "14:22", "30.08.24", "2024-06-03", "۱۴۰۳/۰۳/۱۴", or a year on its own (Gregorian, or solar / lunar Hijri). */
const DATE_OR_TIME =
  /[\d٠-٩۰-۹]{1,4}\s*[:/.\-–]\s*[\d٠-٩۰-۹]{1,2}|(?<![\d٠-٩۰-۹])(?:19|20|13|14|١٣|١٤|۱۳|۱۴|١٩|٢٠|۱۹|۲۰)[\d٠-٩۰-۹]{2}(?![\d٠-٩۰-۹])/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** The same without `g`, for `test` (a global pattern's `test` starts where its last match ended): made once. */
const LABEL_TEST = new RegExp(LABEL_RE.source, 'iu');
const MONTH_TEST = new RegExp(MONTH_RE.source, 'iu');
const WEEKDAY_TEST = new RegExp(WEEKDAY_RE.source, 'iu');

/** A line made only of counts: "142 Likes · 9 Restacks", "12,408 مشاهدة", "4.86 from 29 votes", "58 reactions". */
const COUNTER =
  /^[\s·|•,()★☆]*(?:[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬]*[kKmM]?\s*(?:from\s+[\d,.]+\s+)?(?:views?|likes?|comments?|shares?|reactions?|votes?|ratings?|reviews?|مشاهدة|مشاهدات|تعليقا?|تعليقات|إعجاب|بازدید|نظر|צפיות|תגובות|לייקים)[\s·|•,()]*)+$/iu;

/** Appeals, disclaimers and housekeeping that end an article. */
const TAIL_BOILERPLATE = new RegExp(
  [
    // English
    'small favou?r to ask',
    'please consider (supporting|a (small |monthly )*(donation|contribution))',
    '(support|fund) (us|our|independent) (journalism|work|reporting)',
    'reader-supported',
    'become a (free or )?paid subscriber',
    'do you have an opinion on',
    'submit a (response|letter)',
    'the views (and opinions )?expressed',
    'affiliate (links?|commission)',
    'as an amazon associate',
    '^(add|post|leave|write) (a |your )?(comment|reply|reaction|response)',
    '(comments?|reactions?|replies) (are|is) (checked|moderated|reviewed)',
    'please keep it civil',
    // A label and its list, not a sentence that opens with the word: "Topics such as housing…" is prose.
    '^(tags|categories|topics)\\s*([:：]|$)',
    '^(tagged|filed under|categorized as)\\b',
    '^(source|sources|credit|photo credit)s?\\s*:',
    // A label and a bare address: "View original content: https://…", "Source: https://…".
    '^[^.!?؟]{1,80}[:：]\\s*https?://\\S+$',
    // Arabic
    'الآراء الواردة',
    'لا تعبر بالضرورة',
    // An appeal opens its line; a quote with the word in it («تابعوا ما يحدث») is prose.
    '^(تابعوا|تابعونا|اشترك(وا)? في)',
    '^(المصدر|الوسوم|كلمات مفتاحية|كلمات دلالية)\\s*[:：]?',
    // Persian
    '^(منبع|برچسب‌?ها|لینک کوتاه|کلیدواژه‌?ها)\\s*[:：]?',
    // Hebrew
    'הצטרפו ל|עקבו אחרי|^(תגיות|מקור)\\s*[:：]?|^הוספת תגובה',
    '^(أضف|اكتب) تعليق|^(ارسال|ثبت) نظر',
  ].join('|'),
  'iu',
);

function text(el: Element): string {
  return (el.textContent ?? '').replace(/[\s\u200b]+/g, ' ').trim();
}

/** An avatar or icon: a byline line with its author's 40-pixel photo is still a line. */
function isSmallImage(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return img.tagName === 'IMG' && w > 0 && w <= 100 && h > 0 && h <= 100;
}

/** Where a removed line was, to put it back. */
interface Place {
  node: Element;
  parent: Node;
  next: Node | null;
}

/** Removes a line, and the wrappers it leaves empty (up to, not including, root); answers where it was. */
function removeLine(el: Element, root: Element): Place {
  let node: Element = el;
  while (node.parentElement && node.parentElement !== root && isEmptyWithout(node.parentElement, node))
    node = node.parentElement;
  const place = { node, parent: node.parentNode!, next: node.nextSibling };
  node.remove();
  return place;
}

function isEmptyWithout(parent: Element, child: Element): boolean {
  for (const c of Array.from(parent.childNodes)) {
    if (c === child) continue;
    if (
      c.nodeType === 3
        ? c.nodeValue!.trim()
        : c.nodeType === 1 &&
          (text(c as Element) || (c as Element).matches(MEDIA) || (c as Element).querySelector(MEDIA))
    )
      return false;
  }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names to read as byline: the known byline and each of its names ("A, B and C"), prefixes stripped. */
export function bylineNames(byline: string | null): string[] {
  if (!byline) return [];
  const whole = byline.replace(BYLINE_PREFIX, '').trim();
  const parts = whole.split(/\s*(?:,|،|\band\b|\s&\s|\sو\s|\sו)\s*/u).filter((p) => p.length > 2);
  return [...new Set([whole, ...parts])];
}

/**
 * A dateline, byline, reading-time or counter line: once dates, numbers, labels and the byline's names are taken
 * out, at most two words are left, and the line had a date, a number or a byline to begin with.
 */
export function isMetaLine(line: string, meta: EdgeMetadata): boolean {
  if (!line || line.length > 160) return false;
  let rest = ` ${line.trim().replace(BYLINE_PREFIX, '')} `;
  // What makes a line a dateline or counter: a month or weekday name, a date, time or year, a number with a label
  // ("6 min read", "12,408 views"), or the byline.
  const labelled = LABEL_TEST.test(line) && DIGIT.test(line);
  let signal =
    BYLINE_PREFIX.test(line) || labelled || MONTH_TEST.test(line) || WEEKDAY_TEST.test(line) || DATE_OR_TIME.test(line);
  for (const name of [...bylineNames(meta.byline), meta.siteName ?? ''].filter(Boolean)) {
    const re = new RegExp(escapeRegExp(name), 'giu');
    if (re.test(rest)) {
      signal = true;
      rest = rest.replace(re, ' ');
    }
  }
  rest = rest.replace(MONTH_RE, ' ').replace(WEEKDAY_RE, ' ').replace(NUMBER_RE, ' ');
  // Labels and units count only next to a date or number, or in a "By …" line: "Published" alone is a word.
  rest = rest.replace(LABEL_RE, ' ').replace(CONNECTIVE_RE, ' ').replace(BYLINE_PREFIX, ' ');
  const left = rest.match(WORD) ?? [];
  if (!signal) return false;
  // "By Ellen Marsh" with no known byline: the prefix and up to four names.
  if (BYLINE_PREFIX.test(line.trim())) return left.length <= 4 && !SENTENCE_END.test(line.trim());
  // "Voting closes at 8:00 pm.": two words of a sentence around a time, and the sentence's full stop.
  if (left.length >= 2 && SENTENCE_END.test(line.trim())) return false;
  return left.length <= 2;
}

/** "3 of 8" (a gallery's position), "٣ من ٨", "۳ از ۸", "3 מתוך 8". */
const POSITION = /^[\d٠-٩۰-۹]+\s*(?:of|\/|من|از|מתוך)\s*[\d٠-٩۰-۹]+$/iu;
/** An ad slot's label left behind by its ad: the whole line is the label. */
const AD_LABEL =
  /^(?:advertisement|advertising|ad|ads|sponsored|paid content|ad feedback|scroll to continue|advertisement\s*[·|-]\s*scroll to continue|إعلان|اعلان|إعلانات|تبلیغات|آگهی|פרסומת)$/iu;

/**
 * A strip of two or more counts, each a number and one word, between bullets: "142 Likes · 9 Restacks · 12 Comments".
 * Whatever the platform calls its counts, a strip of them has this shape; prose does not.
 */
const COUNT_STRIP =
  /^\s*[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬]*[kKmM]?\s+\p{L}+(?:\s*[·•|]\s*[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬]*[kKmM]?\s+\p{L}+)+\s*$/u;

export function isCounterLine(line: string): boolean {
  return (
    line.length <= 80 && (COUNTER.test(line) || COUNT_STRIP.test(line) || POSITION.test(line) || AD_LABEL.test(line))
  );
}

/** A signature or separator at the very end: "JESSE MORALES", "___", "— A.B." */
function isSignature(line: string, meta: EdgeMetadata): boolean {
  if (!(line.match(WORD) ?? []).length) return line.length <= 20; // "___", "* * *"
  // The byline's own name, in any case ("JESSE MORALES"). Any other line in capitals may be the story's last words
  // ("NOT IN MY BACKYARD"): the shape alone does not tell a signature.
  return bylineNames(meta.byline).some((n) => n.toLowerCase() === line.toLowerCase());
}

/**
 * "Jesse Morales covers the environment…", "Morales covers…": a short paragraph about the byline's author. The first
 * name alone ("Ellen grows vegetables…") only inside an author card, a box that opens with a "By …" line: a story's
 * closing sentence may well start with someone who shares it ("Ellen said she would be back next summer.").
 */
function isAuthorBio(el: Element, line: string, meta: EdgeMetadata): boolean {
  if (line.length > 320) return false;
  const first = el.parentElement?.firstElementChild;
  const card = !!first && first !== el && BYLINE_PREFIX.test(text(first));
  const names = bylineNames(meta.byline).flatMap((n) => {
    const words = n.split(/\s+/);
    return [n, words.at(-1)!, ...(card ? [words[0]!] : [])].map((w) => w.toLowerCase());
  });
  const start = line.toLowerCase();
  return names.some((n) => n.length > 2 && start.startsWith(n) && !/[\p{L}\p{M}]/u.test(start.charAt(n.length)));
}

/**
 * A strip of fields above the body: a short line whose text sits only in two or more child elements, one of them a
 * dateline or byline ("<span>Technology writer</span> <span>12 May 2024</span>"). Prose keeps words between its
 * inline elements; a card of separate fields does not.
 */
function isFieldStrip(el: Element, line: string, meta: EdgeMetadata): boolean {
  if (/[.!?؟:]$/.test(line) || el.children.length < 2) return false;
  for (const node of Array.from(el.childNodes)) if (node.nodeType === 3 && node.nodeValue!.trim()) return false;
  return Array.from(el.children).some((child) => isMetaLine(text(child), meta));
}

/** The tag names of LINE, INNER_BLOCK and MEDIA, and of the blocks whose text is never a line of its own. */
const LINE_TAGS = new Set(LINE.split(', '));
const INNER_BLOCK_TAGS = new Set(INNER_BLOCK.split(', '));
const MEDIA_TAGS = new Set(MEDIA.split(', '));
const NOT_LINES = 'figure, figcaption, table, pre';
const NOT_LINE_TAGS = new Set(NOT_LINES.split(', '));

/** What an element's descendants hold that keeps it from being a line (bits of `below`). */
const HOLDS_BLOCK = 1;
const HOLDS_MEDIA = 2;

/**
 * Outermost lines below root, in document order (a span inside a paragraph is part of its line). A line holds text
 * but no inner block, no media but small images, and is not inside a figure, table or listing.
 *
 * One walk, not a query of each candidate's subtree: asking every div and span "is there a block below you?" walked
 * each subtree again, quadratic in the depth of the markup (a page of nested divs spent 550 ms here in jsdom, a third
 * of its extraction). What each element holds is gathered from its children up, in reverse document order; whether it
 * is inside a figure passes down, in document order. Tag names as the selectors match them (`localName`).
 */
export function outerLines(root: Element): Element[] {
  const all = Array.from(root.querySelectorAll('*'));
  const below = new Map<Element, number>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    const parent = el.parentElement;
    if (!parent || parent === root) continue;
    let holds = (below.get(el) ?? 0) | (INNER_BLOCK_TAGS.has(el.localName) ? HOLDS_BLOCK : 0);
    if (MEDIA_TAGS.has(el.localName) && !isSmallImage(el)) holds |= HOLDS_MEDIA;
    if (holds) below.set(parent, (below.get(parent) ?? 0) | holds);
  }
  const inside = new Set<Element>(); // in a figure, table or listing (itself, or below one)
  const rootInside = !!root.closest(NOT_LINES);
  const lines = new Set<Element>();
  const outermost: Element[] = [];
  for (const el of all) {
    const parent = el.parentElement;
    const parentInside = parent === root ? rootInside : !!parent && inside.has(parent);
    if (parentInside || NOT_LINE_TAGS.has(el.localName)) inside.add(el);
    if (!LINE_TAGS.has(el.localName) || inside.has(el) || below.get(el)) continue;
    lines.add(el);
    // Outermost: a line whose parent is a line is part of it.
    if (!(parent && lines.has(parent))) outermost.push(el);
  }
  return outermost;
}

/**
 * `skip` names parts to leave out, as the quality benchmark measures them: "datelines" (head), "counters", "tail".
 * Returns how many lines each part removed. (extract-article.ts runs the three parts as passes of its own.)
 */
export function removeEdgeLines(
  root: Element,
  meta: EdgeMetadata,
  skip: ReadonlySet<string> = new Set(),
): Record<string, number> {
  // "By Ellen Marsh" removed at the head names the author when the page had no byline metadata.
  const known: EdgeMetadata = { ...meta };
  return {
    datelines: skip.has('datelines') ? 0 : removeHeadLines(root, known),
    counters: skip.has('counters') ? 0 : removeCounterLines(root, known),
    tail: skip.has('tail') ? 0 : removeTailLines(root, known),
  };
}

/**
 * Above the first paragraphs: datelines, bylines, labelled fields. `known` is shared with removeTailLines: a
 * "By …" line removed here names the author when the page had no byline metadata.
 */
export function removeHeadLines(root: Element, known: EdgeMetadata): number {
  let removed = 0;
  let prose = 0;
  const lines = linesOf(root, known);
  for (const el of lines) {
    const t = text(el);
    if (!root.contains(el)) continue;
    if (!t) {
      // An avatar or icon alone on its line above the prose (isLine lets only small images through): the byline
      // card's photo, not the article's.
      if (!prose && el.querySelector('img')) {
        removeLine(el, root);
        removed++;
      }
      continue;
    }
    // A short line opened by a screen-reader label ("Role, ", "Published: ") is a labelled field, not prose.
    const field = t.length < PARAGRAPH && (opensWithHiddenLabel(el) || isFieldStrip(el, t, known));
    if (field || isMetaLine(t, known) || (TAIL_BOILERPLATE.test(t) && t.length < 200)) {
      if (BYLINE_PREFIX.test(t)) {
        const name = t
          .replace(BYLINE_PREFIX, '')
          .split(/\s[·|•]\s/)[0]!
          .trim();
        if (!known.byline) known.byline = name;
        known.onByline?.(name);
      }
      removeLine(el, root);
      removed++;
      continue;
    }
    // The second paragraph of prose ends the head: the first may be a standfirst above the byline strip (a long
    // standfirst set as a heading does not count).
    if (t.length >= PARAGRAPH && !/^H[2-6]$/.test(el.tagName) && ++prose >= 2) break;
  }
  if (!removed) known.lines = lines;
  return removed;
}

/** Anywhere: lines that are nothing but a counter, a gallery position or an ad label. */
export function removeCounterLines(root: Element, known: EdgeMetadata = { byline: null, siteName: null }): number {
  let removed = 0;
  const lines = linesOf(root, known);
  for (const el of lines) {
    if (root.contains(el) && isCounterLine(text(el))) {
      removeLine(el, root);
      removed++;
    }
  }
  if (!removed) known.lines = lines;
  return removed;
}

/** Headings in a row that the tail may remove as section ends left without their section. */
const TAIL_HEADINGS = 2;

/** From the end: remove while the last line is boilerplate; a short label line goes with what it introduced. */
export function removeTailLines(root: Element, known: EdgeMetadata): number {
  let removed = 0;
  let removedAfter = false;
  // The headings removed last, in a row, and the meta lines between them ("6 min"), with where each was (to put
  // them back), and how many of them are headings.
  let run: Place[] = [];
  let headings = 0;
  for (const el of linesOf(root, known).reverse()) {
    if (!root.contains(el)) continue;
    const t = text(el);
    if (!t) continue;
    const heading = /^H[2-6]$/.test(el.tagName);
    if (heading && headings === TAIL_HEADINGS) {
      // A heading that ends the article introduces nothing: its section ("References", "See also") was removed.
      // Two such ends are the most a page has ("See also" above "External links"); a longer run of headings is
      // content written as headings (a brand list set in <h3>s: WCXB dev 4113 lost 62 % of its words), with the
      // meta lines under them (a course's lessons, each a heading above "6 min": dev 2157).
      for (const { node, parent, next } of run.reverse()) parent.insertBefore(node, next);
      removed -= run.length;
      break;
    }
    const meta = !heading && isMetaLine(t, known);
    const boilerplate =
      heading ||
      meta ||
      (t.length < 700 && TAIL_BOILERPLATE.test(t)) ||
      isSignature(t, known) ||
      isAuthorBio(el, t, known);
    const label = removedAfter && t.length <= 60 && !/[.!?؟。]$/.test(t) && !el.matches('li');
    if (!boilerplate && !label) break;
    const node = removeLine(el, root);
    if (heading || (meta && headings > 0)) {
      run.push(node);
      if (heading) headings++;
    } else {
      run = [];
      headings = 0;
    }
    removed++;
    removedAfter = true;
  }
  return removed;
}
