import { squeezedText } from './squeezed-text';
/**
 * Photo credits and caption labels are not the caption: "Photograph: Mark Ellison/The Courier", "(צילום: אלון
 * פרידמן)", "© Ville de …", "صدر الصورة، Getty Images", "(أرشيفية)", and BBC's screen-reader prefix "التعليق على
 * الصورة،" / "Image caption,", and a wire credit in its own span after the caption ("Rafael Mendes/Global Desk").
 * A reader keeps the words that describe the picture and drops who took it.
 */

/** Credit labels, each followed by the name of a photographer or an agency. */
const CREDIT_LABEL =
  '(?:photograph|photo|picture|image|illustration|composite|credit|source|photo credit|image source|צילום|צלם|תצלום|קרדיט|تصوير|صورة|المصدر|صدر الصورة|مصدر الصورة|عکس|منبع|عکاس)';
/** A whole element that is a credit: "Photograph: X", "(צילום: X)", "© X", "صدر الصورة، X". */
/** Two-word labels that BBC-style templates set in their own span, with no separator after them. */
const SOURCE_LABEL = '(?:image source|منبع تصویر|صدر الصورة|مصدر الصورة)';
const CREDIT_ELEMENT = new RegExp(`^\\(?\\s*(?:${CREDIT_LABEL}\\s*[:：،,]|${SOURCE_LABEL}|©|\\(c\\))[^]{0,120}$`, 'iu');
/** The same at the end of the caption's text. */
const TRAILING_CREDIT = new RegExp(
  `\\s*(?:\\(\\s*${CREDIT_LABEL}\\s*[:：،,][^()]{1,100}\\)|(?<=[.!?…’”"»)]\\s+)${CREDIT_LABEL}\\s*[:：][^.]{1,100}|©[^.]{1,100}|\\((?:أرشيفية|ارشيفية|أرشيف|archive|file photo|file)\\))\\s*$`,
  'iu',
);
/** A wire credit set in its own element after the caption: "Rafael Mendes/Global Desk", "Jane Doe/Reuters". */
const AGENCY_CREDIT = /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}.'’-]*\s*\/\s*\p{Lu}[\p{L}&.'’ -]{1,40}$/u;
/** A label read out before the caption by screen readers, left visible by some templates. */
const LEADING_LABEL = /^\s*(?:image caption|caption|التعليق على الصورة|توضیح تصویر|כיתוב)\s*[,،:：]\s*/iu;

const CAPTIONS = 'figcaption, figure [class*="caption" i], [class*="caption" i]:not(:has(p, div))';
const CREDITS =
  'figure :is(p, span, small, cite, div), figcaption :is(span, small, cite, em, i), [class*="caption" i] :is(span, small, cite, em, i), [class*="credit" i]';
/** A short element the template itself calls a photo credit or copyright: "Getty Images", "BBC". */
const NAMED_CREDIT =
  'figure [class*="credit" i], figure [class*="copyright" i], [class*="image" i][class*="copyright" i]';

/** `el` is a span of a caption that follows the caption's own words (never the whole caption). */
function isAfterCaptionText(el: Element): boolean {
  const caption = el.parentElement?.closest('figcaption, [class*="caption" i]');
  if (!caption || el.matches('figcaption, [class*="caption" i]')) return false;
  const range = el.ownerDocument.createRange();
  range.setStart(caption, 0);
  range.setEndBefore(el);
  return range.toString().trim().length > 0;
}

export function removeCaptionCredits(root: Element): number {
  let removed = 0;
  // Elements that are nothing but a credit, inside a figure or a caption.
  for (const el of Array.from(root.querySelectorAll(CREDITS))) {
    if (!root.contains(el) || el.querySelector('img, picture, video, figcaption')) continue;
    const text = squeezedText(el);
    if (
      CREDIT_ELEMENT.test(text) ||
      /^\((?:أرشيفية|ارشيفية|archive|file)\)$/iu.test(text) ||
      (AGENCY_CREDIT.test(text) && isAfterCaptionText(el))
    ) {
      el.remove();
      removed++;
    }
  }
  for (const el of Array.from(root.querySelectorAll(NAMED_CREDIT))) {
    if (root.contains(el) && !el.querySelector('img, picture, video, figcaption') && squeezedText(el).length <= 80) {
      el.remove();
      removed++;
    }
  }
  for (const caption of Array.from(root.querySelectorAll(CAPTIONS))) {
    if (!root.contains(caption)) continue;
    const nodes: Text[] = [];
    const walker = caption.ownerDocument.createTreeWalker(caption, 4 /* text */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) nodes.push(n as Text);
    const last = nodes[nodes.length - 1];
    const first = nodes[0];
    if (last && TRAILING_CREDIT.test(last.data)) {
      const kept = last.data.replace(TRAILING_CREDIT, '');
      // Never empty a caption: a caption that is only a credit has nothing else to say, leave it to the rules above.
      if (kept.trim() || nodes.length > 1) {
        last.data = kept;
        removed++;
      }
    }
    if (first && LEADING_LABEL.test(first.data) && squeezedText(caption).replace(LEADING_LABEL, '').trim()) {
      first.data = first.data.replace(LEADING_LABEL, '');
      removed++;
    }
  }
  return removed;
}
