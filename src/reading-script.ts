import { normalizeLang, scriptOf } from './direction';
import type { Script } from './settings/settings-schema';

/**
 * Languages written in Arabic script and printed in Nastaliq: Urdu, Kashmiri, Balochi, Saraiki and Punjabi in
 * Shahmukhi ("pnb", or "pa" with Arabic script or from Pakistan; plain "pa" is Gurmukhi).
 */
const NASTALIQ = new Set(['ur', 'ks', 'bal', 'bgp', 'bcc', 'skr', 'pnb']);
/** Persian and Dari: read in Persian faces, with Persian digits. */
const PERSIAN = new Set(['fa', 'prs']);
const HEBREW = new Set(['he', 'yi']);
const ARABIC_SCRIPT = new Set(['ar', 'ps', 'ckb', 'ku', 'sd', 'ug', 'arz', 'apc', 'ary', 'acm']);

/**
 * The reading tradition of an article (which face, size and line height it is set in), from its language, and from
 * its text when the language says nothing about the script (no lang, or a Latin-script language tag on an
 * Arabic-script page).
 */
export function readingScript(lang: string | null | undefined, sample: string): Script {
  const tag = normalizeLang(lang);
  const [primary = '', ...rest] = tag?.split('-') ?? [];
  const subtags = new Set(rest);
  const written = scriptOf(sample);
  if (NASTALIQ.has(primary) || (primary === 'pa' && (subtags.has('Arab') || subtags.has('PK') || written === 'arabic')))
    return written === 'latin' ? 'latin' : 'urdu';
  if (PERSIAN.has(primary)) return written === 'latin' ? 'latin' : 'persian';
  if (HEBREW.has(primary)) return written === 'latin' ? 'latin' : 'hebrew';
  if (ARABIC_SCRIPT.has(primary) || subtags.has('Arab')) return written === 'latin' ? 'latin' : 'arabic';
  if (written === 'arabic') return 'arabic';
  if (written === 'hebrew') return 'hebrew';
  return 'latin';
}

/** Arabic script in any of its traditions: Eastern digits and no letter-spacing apply. */
export const isArabicScript = (script: Script): boolean =>
  script === 'arabic' || script === 'persian' || script === 'urdu';
