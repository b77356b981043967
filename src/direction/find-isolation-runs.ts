import type { Direction } from '../article';
import { strongDirectionAt } from './strong-chars';

/** A stretch of text `[start, end)` (code-unit offsets) to isolate with direction `dir`. */
export interface IsolationRun {
  start: number;
  end: number;
  dir: Direction;
}

/**
 * Units that belong with the number before them, so "5 GB" or "100 km/h" inside Arabic is isolated as
 * one LTR unit. A whitelist, because a number followed by any short Latin word is not a unit
 * ("2024 IBM" is a year and a company, and reading order must stay Arabic).
 */
// prettier-ignore
const UNITS = new Set([
  'km', 'm', 'cm', 'mm', 'nm', 'mi', 'ft', 'kg', 'g', 'mg', 'lb', 'lbs', 'oz', 'l', 'ml', 'kb', 'mb', 'gb',
  'tb', 'pb', 'kbps', 'mbps', 'gbps', 'hz', 'khz', 'mhz', 'ghz', 'w', 'kw', 'mw', 'kwh', 'mwh', 'v', 'mv',
  'kv', 'ma', 'mah', 'px', 'pt', 'em', 'rem', 'dpi', 'fps', 'mp', 'hp', 'mph', 'kph', 'km/h', 'm/s', 'ms',
  'ns', 'h', 'min', 's', 'usd', 'eur', 'gbp', 'iqd', 'sar', 'aed',
]);

/** Letters that are a unit only after a degree sign ("25 °C"); alone, "5 C" is more likely a grade or a label. */
const DEGREE_UNITS = new Set(['c', 'f', 'k']);

/** Characters that stay attached to the end of an LTR run: "C++", "C#", "50%", "http://x.org/", "™". */
const LTR_TRAILING = '+#%°/™®';
/** Characters that stay attached to the start of an LTR run: "@user", "#tag", ".NET", "$HOME", "/usr". */
const LTR_LEADING = '@#.$~/\\_';
/**
 * Punctuation of the RTL context (Arabic comma, semicolon, question mark, full stop): an LTR run never
 * continues across them.
 */
const RTL_CONTEXT_STOPS = '\u060C\u061B\u061F\u06D4';

const OPENERS = '([{';
const CLOSERS = ')]}';

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Arabic-Indic (AN) and Persian (EN) digits: they belong with the Arabic-script text they follow. */
function isArabicDigit(c: number): boolean {
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** Whether the character at `i` is a letter or digit (false outside the string). */
function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text.charAt(i));
}

function width(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/**
 * Drops an unmatched opening bracket (and what follows it) from the run, and takes in a closing bracket
 * just after the run when the run opened it: a bracket split across an isolate boundary is mirrored on
 * one side and not the other.
 */
function balanceBrackets(text: string, start: number, end: number): number {
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = text.charAt(i);
    if (OPENERS.includes(ch)) stack.push(i);
    else if (CLOSERS.includes(ch) && stack.length > 0) stack.pop();
  }
  while (stack.length > 0) {
    const open = stack[stack.length - 1] ?? start;
    const closer = CLOSERS.charAt(OPENERS.indexOf(text.charAt(open)));
    if (text.charAt(end) === closer) {
      stack.pop();
      end++;
    } else {
      end = open;
      stack.pop();
    }
  }
  return end;
}

/** Ends the run at its last character that is not whitespace or punctuation. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && !/[\p{L}\p{N}\p{M}]/u.test(text.charAt(end - 1))) end--;
  return end;
}

/**
 * Scans a run of the opposite direction starting at the strong character at `start`: it takes opposite
 * strong letters and everything neutral between them (spaces, punctuation, digits inside), and stops
 * before the next letter of the base direction. Digits at its end stay in an LTR run (bidi rule W7 puts
 * "Windows 11" together) but not in an RTL one, where they belong to the LTR sentence ("the word שלום 3
 * times").
 */
function scanRun(text: string, start: number, dir: Direction): { end: number; next: number } {
  const n = text.length;
  let end = start;
  let j = start;
  while (j < n) {
    const d = strongDirectionAt(text, j);
    const w = width(text, j);
    if (d !== null) {
      if (d !== dir) break;
      j += w;
      end = j;
      continue;
    }
    const c = text.charCodeAt(j);
    if (dir === 'ltr' && RTL_CONTEXT_STOPS.includes(text.charAt(j))) break;
    if (dir === 'ltr' ? isAsciiDigit(c) : isArabicDigit(c)) {
      j++;
      end = j;
      continue;
    }
    j += w;
  }
  if (dir === 'ltr') {
    let k = end;
    while (k < n && LTR_TRAILING.includes(text.charAt(k))) k++;
    // Only when they end a token: in "English/عربي" the slash sits between the two words, not in the run.
    if (k > end && !isWordChar(text, k)) end = k;
  }
  return { end, next: Math.max(j, end) };
}

/**
 * Number runs that bidi scrambles inside RTL text: groups of ASCII digits separated by spaces (phone
 * numbers "+964 770 123 4567", thousands "1 000 000") and anything led by "+" ("+964" shows as "964+").
 * A plain number, a date "2020-03-05" or a time "12:24" renders fine and is left alone, and so are
 * Arabic-Indic digits, which Arabic text orders correctly.
 */
const NUMBER_RUN = /\+?\(?\d+\)?(?:[ \u00A0\u2009\u202F.-]\(?\d+\)?)*/y;

function numberRunAt(text: string, i: number): number | null {
  // Not the tail of a word or of a bigger number; an Arabic letter glued before is fine ("و+964 …").
  if (i > 0 && (/[\p{N}.,+]/u.test(text.charAt(i - 1)) || strongDirectionAt(text, i - 1) === 'ltr')) return null;
  NUMBER_RUN.lastIndex = i;
  const m = NUMBER_RUN.exec(text);
  if (m === null) return null;
  const s = m[0];
  const end = i + s.length;
  if (end < text.length && /[\p{L}\p{N}]/u.test(text.charAt(end))) return null; // part of a word: "5G"
  const groups = s.match(/\d+/g) ?? [];
  const digits = groups.reduce((sum, g) => sum + g.length, 0);
  const spaced = /[ \u00A0\u2009\u202F]/.test(s);
  const thousands = groups.length > 1 && groups.slice(1).every((g) => g.length === 3);
  if (s.startsWith('+') && digits >= 3) return end;
  if (spaced && groups.length > 1 && (thousands || digits >= 7)) return end;
  return null;
}

/**
 * Start of an LTR run, extended back over what is glued to it: digits ("3D", "4K"), a number and a
 * unit separated by a space ("5 GB"), and leading sigils ("@user", ".NET").
 */
function extendStart(text: string, start: number, end: number, floor: number): number {
  let s = start;
  while (s > floor && LTR_LEADING.includes(text.charAt(s - 1))) s--;
  // Only when they start a token: in "عربي/English" the slash sits between the two words, not in the run.
  if (s < start && isWordChar(text, s - 1)) s = start;
  let k = s;
  while (k > floor && (isAsciiDigit(text.charCodeAt(k - 1)) || /[.,]/.test(text.charAt(k - 1)))) k--;
  if (k < s) {
    while (k < s && !isAsciiDigit(text.charCodeAt(k))) k++; // do not start on a separator
    if (k > floor && text.charAt(k - 1) === '+') k--;
    return k;
  }
  // "5 GB", "25 °C": a whitelisted unit one space after a number.
  const unit = text.slice(start, end).toLowerCase();
  let u = start;
  const degree = u > floor && text.charAt(u - 1) === '°';
  if (degree) u--;
  if (u > floor && /[ \u00A0\u2009\u202F]/.test(text.charAt(u - 1))) u--;
  if (u === start || !(UNITS.has(unit) || (degree && DEGREE_UNITS.has(unit)))) return s;
  let d = u;
  while (d > floor && (isAsciiDigit(text.charCodeAt(d - 1)) || /[.,]/.test(text.charAt(d - 1)))) d--;
  while (d < u && !isAsciiDigit(text.charCodeAt(d))) d++; // do not start on a separator
  // An Arabic letter may be glued before the number ("و100 km/h": the conjunction), a Latin one may not.
  return d < u && (d === 0 || strongDirectionAt(text, d - 1) !== 'ltr') ? d : s;
}

/**
 * Stretches of `text` that should be isolated (wrapped in <bdi>) inside a paragraph of direction `base`,
 * because the bidi algorithm would otherwise scramble them with the text around: opposite-direction
 * phrases containing spaces, punctuation or digits ("Google, Inc.", URLs, e-mail addresses, "C++"),
 * numbers with a unit ("5 GB"), spaced numbers and phone numbers in RTL text. Conservative: a single
 * opposite word among base-direction words renders fine and is left alone, unless a number follows it
 * (an RTL word before a number in LTR text would take the number into its run).
 */
export function findIsolationRuns(text: string, base: Direction): IsolationRun[] {
  const dir: Direction = base === 'rtl' ? 'ltr' : 'rtl';
  const runs: IsolationRun[] = [];
  const n = text.length;
  let floor = 0; // never extend a run back into the previous one
  let i = 0;
  while (i < n) {
    const d = strongDirectionAt(text, i);
    if (d === dir) {
      const { end: scanned, next } = scanRun(text, i, dir);
      const start = dir === 'ltr' ? extendStart(text, i, scanned, floor) : i;
      let end = balanceBrackets(text, start, scanned);
      end = end < scanned ? trimEnd(text, start, end) : end;
      if (end > start && worthIsolating(text, start, end, dir)) {
        runs.push({ start, end, dir });
        floor = end;
      }
      i = Math.max(next, end);
      continue;
    }
    if (base === 'rtl' && d === null) {
      const c = text.charCodeAt(i);
      if (isAsciiDigit(c) || c === 0x2b /* + */ || c === 0x28 /* ( */) {
        const end = numberRunAt(text, i);
        if (end !== null) {
          runs.push({ start: i, end, dir: 'ltr' });
          floor = end;
          i = end;
          continue;
        }
      }
    }
    i += width(text, i);
  }
  return runs;
}

function worthIsolating(text: string, start: number, end: number, dir: Direction): boolean {
  // Anything beyond letters (a space, punctuation, a digit, a sigil) is where scrambling starts.
  if (/[^\p{L}\p{M}]/u.test(text.slice(start, end))) return true;
  // A lone RTL word right before a number in LTR text: "the word שלום 3 times" shows as "3 שלום".
  if (dir === 'rtl') {
    let k = end;
    while (k < text.length && /\s/.test(text.charAt(k))) k++;
    const c = text.charCodeAt(k);
    return isAsciiDigit(c) || isArabicDigit(c);
  }
  return false;
}
