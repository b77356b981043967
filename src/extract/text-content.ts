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
/** Marks the end of a table cell while whitespace is collapsed; becomes a tab. */
const CELL_BREAK = '\u2029';

export function isBlockTag(tagName: string): boolean {
  return BLOCK.has(tagName.toUpperCase());
}

export function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    // The cell breaks' three replacements only for a line that has one (most lines are not in a table).
    const squeezed = line.replace(/[ \t\r\n\f]+/g, ' ');
    const text = (
      squeezed.includes('\u2029')
        ? squeezed
            .replace(/ ?\u2029 ?/g, '\u2029')
            .replace(/\u2029+$/, '')
            .replace(/\u2029/g, '\t')
        : squeezed
    ).trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      line += node.nodeValue!;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName ?? '';
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    // Code keeps its whitespace exactly: its lines go out as they are, never collapsed.
    if (tag === 'PRE') {
      flush();
      const code = (node.textContent ?? '').replace(/\s+$/, '').replace(/^\n/, '');
      if (code.trim()) lines.push(code);
      return;
    }
    const block = BLOCK.has(tag);
    if (block && !CELL.has(tag)) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (CELL.has(tag)) line += CELL_BREAK;
    else if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}
