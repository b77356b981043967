import type { Direction } from '../article';
import { countScripts, scriptOf } from './strong-chars';

/**
 * Letters that only some Arabic-script languages use. Urdu, Uyghur and Sorani Kurdish are checked
 * before Persian because they also use the Persian letters (ی ک گ پ چ ژ), so "has Persian letters"
 * alone would call them all Persian; their own letters never occur in Persian.
 */
const MARKERS: readonly (readonly [lang: string, letters: string])[] = [
  // ٹ ڈ ڑ ں ے ۓ ہ: retroflex consonants, noon ghunna, yeh barree, heh goal.
  ['ur', '\u0679\u0688\u0691\u06BA\u06D2\u06D3\u06C1'],
  // ې ۇ ۈ ۋ: Uyghur vowels and ve.
  ['ug', '\u06D0\u06C7\u06C8\u06CB'],
  // ە ێ ۆ ڵ ڕ: Sorani vowels and the velarised l / trilled r.
  ['ckb', '\u06D5\u06CE\u06C6\u06B5\u0695'],
];

/** پ چ ژ گ ک ی: Persian letters (ک and ی are the Persian forms of kaf and yeh). */
const PERSIAN = '\u067E\u0686\u0698\u06AF\u06A9\u06CC';
/** ة ي ك ى: Arabic-only forms; Persian text typed properly never uses them (ة only in a few loanwords). */
const ARABIC_ONLY = '\u0629\u064A\u0643\u0649';

/** Share of Arabic-script letters a language's marker letters must reach to name the language. */
const EXCLUSIVE_MARKER_SHARE = 0.01;
/**
 * Persian markers need a higher share: ی and ک are among the most frequent Persian letters (together
 * ~10% of letters), while Arabic text only shows them by accident (a Persian keyboard, a name).
 */
const PERSIAN_MARKER_SHARE = 0.02;

function arabicVariant(text: string): string {
  const exclusive = new Map<string, number>();
  let persian = 0;
  let arabicOnly = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Letters of the Arabic block only: digits and harakat would dilute the shares below.
    if (!((c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d5) || (c >= 0x06fa && c <= 0x06ff))) continue;
    const ch = text.charAt(i);
    letters++;
    if (PERSIAN.includes(ch)) persian++;
    else if (ARABIC_ONLY.includes(ch)) arabicOnly++;
    else {
      for (const [lang, set] of MARKERS) if (set.includes(ch)) exclusive.set(lang, (exclusive.get(lang) ?? 0) + 1);
    }
  }
  if (letters === 0) return 'ar';
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, count] of exclusive) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  if (best !== null && bestCount >= 2 && bestCount / letters >= EXCLUSIVE_MARKER_SHARE) return best;
  if (persian / letters >= PERSIAN_MARKER_SHARE && persian > arabicOnly) return 'fa';
  return 'ar';
}

/**
 * Guesses a language tag from the script of `text`, for pages that declare none. Only for scripts
 * where one language is the overwhelmingly likely reader's choice: Arabic script → ar (or fa, ur, ug,
 * ckb by their distinctive letters), Hebrew → he. Latin and others → null: a script alone does not
 * tell English from French, and a wrong `lang` is worse than none (fonts, hyphenation, speech).
 * With `dir`, only scripts of that direction compete: an article already known to be RTL but quoting
 * much English is named after its Arabic or Hebrew part.
 */
export function inferLang(text: string, dir?: Direction): string | null {
  let script = scriptOf(text);
  if (dir === 'rtl') {
    const { arabic, hebrew } = countScripts(text);
    script = arabic === 0 && hebrew === 0 ? null : arabic >= hebrew ? 'arabic' : 'hebrew';
  }
  if (script === 'hebrew') return 'he';
  if (script === 'arabic') return arabicVariant(text);
  return null;
}
