/**
 * Plain text of an article with block boundaries kept as line breaks. `Node.textContent` glues the last
 * word of one paragraph to the first of the next ("…end.Next…"), which breaks search, word counts and
 * anything a reader copies out.
 */

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const CELL = new Set(['TD', 'TH']);

export function isBlockTag(tagName: string): boolean {
  return BLOCK.has(tagName.toUpperCase());
}

export function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      line += pre ? node.nodeValue!.replace(/\n/g, '\u2028') : node.nodeValue!;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      line += pre ? '\u2028' : '\n';
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block && !CELL.has(tag)) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, pre || tag === 'PRE');
    if (CELL.has(tag)) line += '\t';
    else if (block) flush();
  };
  walk(root, false);
  flush();
  // Code keeps its own line breaks (marked with U+2028 so whitespace collapsing leaves them alone).
  return lines
    .join('\n')
    .replace(/\u2028/g, '\n')
    .replace(/\t+(\n|$)/g, '$1');
}
