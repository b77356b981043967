import { BoundedReadability } from './bounded-readability';

/**
 * Readability with one bias removed. Its scoring counts every kind of comma (Arabic ،, ideographic ，…),
 * but its cleaning step (`_cleanConditionally`, "fewer than 10 commas looks like clutter") counts only the
 * ASCII ",", so Arabic, Persian and Urdu prose, which uses "،", loses blocks that an English article with
 * the same structure keeps. Counting the same commas in both places fixes that (mozilla/readability 0.6.0,
 * Readability.js `_getCharCount` with its default ",").
 */

const ALL_COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/;

interface Internals {
  _getInnerText(e: Element, normalizeSpaces?: boolean): string;
  _getCharCount(e: Element, s?: string): number;
}

export class FairReadability<T = string> extends BoundedReadability<T> {
  _getCharCount(e: Element, s?: string): number {
    const self = this as unknown as Internals;
    if (s && s !== ',') return self._getInnerText(e).split(s).length - 1;
    return self._getInnerText(e).split(ALL_COMMAS).length - 1;
  }
}
