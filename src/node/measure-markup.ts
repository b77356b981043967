/**
 * What a page will cost jsdom, read from its bytes before it is parsed: jsdom's parse is the one step no time
 * budget reaches (it is one synchronous call). Measured in jsdom 29 on this machine: 300,000 empty spans take
 * tens of seconds to parse before extraction starts; and every inserted element walks all its ancestors
 * (`_descendantAdded`, recursively), so 20,000 nested elements took minutes and then overflowed the stack.
 * Browsers never build such trees: Chromium's parser stops nesting at depth 512 (kMaximumHTMLParserDOMTreeDepth).
 *
 * The scan is approximate by design (a linear pass over tags, no tree): comments and the text of raw-text
 * elements (script, style…) are skipped; elements whose end tag may be left out (p, li, td…) and void elements do
 * not nest. It only has to tell real pages from hostile ones, with a wide margin on both sides.
 */

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'keygen',
  'frame',
]);
/** End tag optional: a page that leaves it out would seem to nest deeper at every one. */
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
  'html',
  'head',
  'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const TAG = /<(\/?)([a-z][^\s/>]*)/y;

export interface MarkupSize {
  /** Start tags. */
  elements: number;
  /** The deepest nesting of start tags not yet closed. */
  depth: number;
}

export function measureMarkup(html: string | Uint8Array): MarkupSize {
  // Tags are ASCII in every encoding a page may use here but UTF-16 (which this then under-counts): latin1 maps
  // bytes to characters one to one, at no cost of decoding.
  const text =
    typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.length).toString('latin1');
  const s = text.toLowerCase();
  let elements = 0;
  let depth = 0;
  let maxDepth = 0;
  let i = 0;
  while ((i = s.indexOf('<', i)) !== -1) {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(s);
    if (!m) {
      i++;
      continue;
    }
    const end = s.indexOf('>', TAG.lastIndex);
    if (end < 0) break;
    const name = m[2]!;
    i = end + 1;
    if (m[1]) {
      if (!VOID.has(name) && !IMPLIED_END.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      const close = s.indexOf(`</${name}`, i);
      if (close < 0) break;
      i = close;
      continue;
    }
    if (VOID.has(name) || IMPLIED_END.has(name) || s[end - 1] === '/') continue;
    if (++depth > maxDepth) maxDepth = depth;
  }
  return { elements, depth: maxDepth };
}
