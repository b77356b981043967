import type { Direction } from '../article';
import {
  explicitDir,
  isBlockElement,
  isBreakElement,
  isCodeElement,
  isIsolatingInline,
  isPreElement,
  isSkippedElement,
  isTablePart,
} from './element-kinds';
import { findIsolationRuns } from './find-isolation-runs';
import type { IsolationRun } from './find-isolation-runs';
import { countProseStrong } from './count-prose-strong';
import { countStrong } from './strong-chars';

export interface AnnotateOptions {
  /** Wrap opposite-direction runs (URLs, Latin phrases, phone numbers…) in <bdi>. Default true. */
  isolate?: boolean;
}

export interface AnnotateResult {
  /** Block elements seen, the root included. */
  blocks: number;
  /** Of those, how many resolved to each direction (neutral blocks count with the direction they inherit). */
  rtl: number;
  ltr: number;
}

/**
 * Share of a block's strong characters the other direction must reach for the block to leave the
 * direction it inherits (or its own correct-looking `dir`). Above one half on purpose: a near-even
 * paragraph is read in the language of the article around it, e.g. an Arabic sentence quoting a long
 * English book title has more Latin than Arabic letters (Arabic omits short vowels) but is Arabic.
 * A clearly foreign paragraph (an English quote in an Arabic article) is far above it.
 */
const SWITCH_SHARE = 0.6;

/**
 * Items of a list or table (li, dt, dd, td, th) are read with their siblings, so they need a clearer
 * majority to leave them: "Raspberry Pi Zero 2 W (כ־90 שקלים)" in a Hebrew parts list stays rtl, bullet
 * on the same side as the others, while an item entirely in English still flips.
 */
const ITEM_SWITCH_SHARE = 0.8;
const ITEMS = new Set(['li', 'dt', 'dd', 'td', 'th']);

/** Stands in, in a paragraph's flattened text, for an image or an already isolated element: bidi sees those as one neutral. */
const OBJECT = '\uFFFC';

/** A piece of a paragraph's inline text, in document order. */
interface Piece {
  text: string;
  /** The text node, when we may split it; null for placeholders and code. */
  node: Text | null;
  /** Closest <a> inside the block: a run that is all of a link's text gets `dir` on the link instead. */
  anchor: Element | null;
  /** Inline code this text belongs to: it reads as a placeholder once the code gets its own `dir`. */
  code: InlineCode | null;
}

interface InlineCode {
  el: Element;
  rtl: number;
  ltr: number;
  isolated: boolean;
}

interface Block {
  el: Element;
  pre: boolean;
  explicit: Direction | null;
  hasDirAttribute: boolean;
  /** Strong characters in the block's own inline text (nested blocks, code, URLs and e-mails excluded). */
  ownRtl: number;
  ownLtr: number;
  /** Own text plus nested blocks' totals (pre excluded): decides containers with no text of their own. */
  totalRtl: number;
  totalLtr: number;
  children: Block[];
  /** Runs of inline text between block boundaries and line breaks: each is one visual bidi run. */
  segments: Piece[][];
  codes: InlineCode[];
}

function newBlock(el: Element): Block {
  return {
    el,
    pre: isPreElement(el),
    explicit: explicitDir(el),
    hasDirAttribute: el.hasAttribute('dir'),
    ownRtl: 0,
    ownLtr: 0,
    totalRtl: 0,
    totalLtr: 0,
    children: [],
    segments: [[]],
    codes: [],
  };
}

interface InlineContext {
  /** Inside an element that already isolates itself: counted, but not ours to split. */
  isolated: boolean;
  anchor: Element | null;
}

function breakSegment(block: Block): void {
  const last = block.segments[block.segments.length - 1];
  if (last === undefined || last.length > 0) block.segments.push([]);
}

function addPiece(block: Block, piece: Piece): void {
  const last = block.segments[block.segments.length - 1];
  if (last !== undefined) last.push(piece);
  else block.segments.push([piece]);
}

/**
 * First pass: one walk over the DOM building the tree of blocks with their strong-character counts and
 * their inline text pieces. Nothing is modified here; decisions need the counts of nested blocks first.
 */
function collect(parent: Element, block: Block, ctx: InlineContext): void {
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      const { rtl, ltr } = countProseStrong(text);
      block.ownRtl += rtl;
      block.ownLtr += ltr;
      if (!ctx.isolated && !block.pre) addPiece(block, { text, node: node as Text, anchor: ctx.anchor, code: null });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (isSkippedElement(el)) continue;
    if (isBlockElement(el)) {
      const child = newBlock(el);
      collect(el, child, { isolated: false, anchor: null });
      block.children.push(child);
      if (!child.pre) {
        block.totalRtl += child.totalRtl;
        block.totalLtr += child.totalLtr;
      }
      breakSegment(block);
      continue;
    }
    if (isTablePart(el)) {
      breakSegment(block);
      collect(el, block, { isolated: false, anchor: null });
      breakSegment(block);
      continue;
    }
    if (isBreakElement(el)) {
      breakSegment(block);
      continue;
    }
    if (el.localName === 'img') {
      if (!ctx.isolated && !block.pre) addPiece(block, { text: OBJECT, node: null, anchor: ctx.anchor, code: null });
      continue;
    }
    if (isIsolatingInline(el)) {
      if (!ctx.isolated && !block.pre) addPiece(block, { text: OBJECT, node: null, anchor: ctx.anchor, code: null });
      collect(el, block, { isolated: true, anchor: ctx.anchor });
      continue;
    }
    if (isCodeElement(el) && !block.pre) {
      // Not counted: code is Latin whatever the language of the sentence around it.
      if (ctx.isolated) continue; // inside someone else's isolate: leave it as it is
      const text = el.textContent ?? '';
      const code: InlineCode = { el, ...countStrong(text), isolated: false };
      block.codes.push(code);
      addPiece(block, { text, node: null, anchor: ctx.anchor, code });
      continue;
    }
    collect(el, block, { isolated: ctx.isolated, anchor: el.localName === 'a' ? el : ctx.anchor });
  }
  if (parent === block.el) {
    block.totalRtl += block.ownRtl;
    block.totalLtr += block.ownLtr;
  }
}

function opposite(d: Direction): Direction {
  return d === 'rtl' ? 'ltr' : 'rtl';
}

/**
 * Direction by majority of strong characters, with a bias to `prior`: the other direction must reach
 * SWITCH_SHARE. Majority, not the first strong character (what `dir=auto` does): "Google هي شركة…" is
 * Arabic. Null when there is no strong character at all.
 */
function byMajority(rtl: number, ltr: number, prior: Direction, threshold = SWITCH_SHARE): Direction | null {
  const strong = rtl + ltr;
  if (strong === 0) return null;
  const other = opposite(prior);
  return (other === 'rtl' ? rtl : ltr) / strong >= threshold ? other : prior;
}

function decide(block: Block, context: Direction): Direction {
  if (block.pre) {
    // Code reads left to right even in an RTL article; only a preformatted block of mostly RTL text (a
    // poem, a transcript) keeps RTL. A correct-looking explicit dir is kept, as for other blocks.
    const prior = block.explicit ?? 'ltr';
    return byMajority(block.ownRtl, block.ownLtr, prior) ?? prior;
  }
  // A block's existing dir is only a prior: pages often carry wrong ones, so the text can overrule it.
  const prior = block.explicit ?? context;
  const threshold = ITEMS.has(block.el.localName) ? ITEM_SWITCH_SHARE : SWITCH_SHARE;
  const own = block.ownRtl + block.ownLtr > 0;
  const decided = own
    ? byMajority(block.ownRtl, block.ownLtr, prior, threshold)
    : byMajority(block.totalRtl, block.totalLtr, prior, threshold);
  return decided ?? prior;
}

/** Splits `node` so that `[start, end)` of its text is its own node, wrapped in <bdi dir>. */
function wrapInBdi(node: Text, start: number, end: number, dir: Direction): void {
  const doc = node.ownerDocument;
  const parent = node.parentNode;
  if (parent === null) return;
  if (end < node.length) node.splitText(end);
  const middle = start > 0 ? node.splitText(start) : node;
  const bdi = doc.createElement('bdi');
  bdi.setAttribute('dir', dir);
  parent.insertBefore(bdi, middle);
  bdi.appendChild(middle);
}

const WORDISH = /[\p{L}\p{N}]/u;

/** Isolates the runs that would get scrambled in one segment (one visual bidi run) of a block. */
function isolateSegment(segment: Piece[], dir: Direction): void {
  if (segment.length === 0) return;
  const starts: number[] = [];
  let offset = 0;
  const texts = segment.map((p) => {
    starts.push(offset);
    const text = p.code !== null && p.code.isolated ? OBJECT : p.text;
    offset += text.length;
    return text;
  });
  const flat = texts.join('');
  const runs = findIsolationRuns(flat, dir);
  // Right to left, so splitting a text node never shifts the offsets of runs still to do in it.
  for (let r = runs.length - 1; r >= 0; r--) {
    const run = runs[r] as IsolationRun;
    let first = 0;
    while (first + 1 < segment.length && (starts[first + 1] ?? Infinity) <= run.start) first++;
    let last = first;
    while (last + 1 < segment.length && (starts[last + 1] ?? Infinity) < run.end) last++;
    const firstPiece = segment[first] as Piece;

    const anchor = firstPiece.anchor;
    if (anchor !== null && isWholeAnchor(anchor, segment, texts, starts, run, first, last)) {
      anchor.setAttribute('dir', run.dir);
      continue;
    }
    // Only inside a single text node: splitting a run across elements would break them, and isolating
    // half of a run that continues in the next element would scramble it rather than fix it.
    if (first !== last || firstPiece.node === null) continue;
    const base = starts[first] ?? 0;
    wrapInBdi(firstPiece.node, run.start - base, run.end - base, run.dir);
  }
}

/**
 * Whether the run is all the text of link `anchor` (give or take surrounding spaces and punctuation),
 * in which case the link itself gets `dir` rather than a <bdi> inside it.
 */
function isWholeAnchor(
  anchor: Element,
  segment: Piece[],
  texts: string[],
  starts: number[],
  run: IsolationRun,
  first: number,
  last: number,
): boolean {
  for (let k = first; k <= last; k++) if (segment[k]?.anchor !== anchor) return false;
  let lo = first;
  while (lo > 0 && segment[lo - 1]?.anchor === anchor) lo--;
  let hi = last;
  while (hi + 1 < segment.length && segment[hi + 1]?.anchor === anchor) hi++;
  const aStart = starts[lo] ?? 0;
  const aEnd = (starts[hi] ?? 0) + (texts[hi]?.length ?? 0);
  const flatAnchor = texts.slice(lo, hi + 1).join('');
  // The whole link must be in this segment (no <br> or isolate splitting it).
  if (flatAnchor !== (anchor.textContent ?? '')) return false;
  const before = flatAnchor.slice(0, run.start - aStart);
  const after = flatAnchor.slice(run.end - aStart, aEnd - aStart);
  return !WORDISH.test(before) && !WORDISH.test(after);
}

/**
 * Annotates every block of `root` with the direction of its own text, so the reader renders mixed
 * RTL/LTR articles right without `dir=auto` (which goes by the first strong character and gets
 * "Google هي شركة…" wrong). Sets `dir` on the root (always), on blocks whose direction differs from the
 * block around them, and on blocks that already had a `dir` (normalised to what the text says); with
 * `isolate`, wraps scramble-prone opposite-direction runs in <bdi>. Only attributes and <bdi> wrappers are
 * added: the text content of `root` is unchanged.
 */
export function annotateBlocks(root: Element, base: Direction, opts: AnnotateOptions = {}): AnnotateResult {
  const isolate = opts.isolate ?? true;
  const top = newBlock(root);
  collect(root, top, { isolated: false, anchor: null });

  const result: AnnotateResult = { blocks: 0, rtl: 0, ltr: 0 };
  // Second pass over the block tree (not the DOM), top down: each block needs its parent's direction.
  const stack: { block: Block; context: Direction }[] = [{ block: top, context: base }];
  while (stack.length > 0) {
    const { block, context } = stack.pop() as { block: Block; context: Direction };
    const isRoot = block === top;
    const dir = isRoot ? base : decide(block, context);
    if (isRoot || dir !== context || block.hasDirAttribute) block.el.setAttribute('dir', dir);
    result.blocks++;
    result[dir]++;

    if (isolate && !block.pre) {
      for (const code of block.codes) {
        // Inline code in a sentence of the other direction: isolate it, its own direction by majority.
        const codeDir = byMajority(code.rtl, code.ltr, 'ltr');
        if (codeDir !== null && codeDir !== dir) {
          code.el.setAttribute('dir', codeDir);
          code.isolated = true;
        }
      }
      for (const segment of block.segments) isolateSegment(segment, dir);
    }
    for (const child of block.children) stack.push({ block: child, context: dir });
  }
  return result;
}
