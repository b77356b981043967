import type { Direction } from '../article';

/**
 * Languages whose default script is written right to left. Explicit table rather than
 * `Intl.Locale#getTextInfo()`, which Firefox lacks and whose data differs between engines.
 * Includes the ISO 639-3 Arabic varieties pages use (arz, ary…); 3-letter synonyms ("ara") are aliased first.
 */
// prettier-ignore
const RTL_LANGUAGES = new Set([
  // Arabic and its varieties
  'ar', 'arb', 'arz', 'ary', 'arq', 'aeb', 'acm', 'acq', 'acw', 'acx', 'adf', 'afb', 'ajp', 'apc', 'apd',
  'ars', 'auz', 'avl', 'ayh', 'ayl', 'ayn', 'ayp', 'abh', 'abv', 'shu', 'ssh', 'aao',
  // Persian and other Iranian languages written in Arabic script
  'fa', 'pes', 'prs', 'haz', 'ps', 'pbt', 'pbu', 'pst', 'ckb', 'sdh', 'lki', 'lrc', 'luz', 'bqi', 'mzn',
  'glk', 'bal', 'bgp', 'bgn', 'bcc', 'azb',
  // South Asian languages written in Arabic script
  'ur', 'sd', 'ks', 'skr', 'pnb', 'lah', 'hnd', 'khw',
  // Others
  'ug', 'dv', 'syr', 'aii', 'cld', 'nqo', 'rhg', 'ota',
  // Hebrew script (deprecated "iw"/"ji" are canonicalised to he/yi before lookup)
  'he', 'yi', 'ydd', 'yih', 'jpr', 'jrb', 'sam', 'smp', 'arc', 'phn',
]);

/**
 * Script subtags (ISO 15924) of right-to-left scripts. Any other script subtag makes the tag LTR even
 * for an RTL language ("ku-Latn", "sd-Deva", "uz-Latn"): the script is what decides direction.
 */
// prettier-ignore
const RTL_SCRIPTS = new Set([
  'arab', 'aran', 'hebr', 'thaa', 'syrc', 'syre', 'syrj', 'syrn', 'nkoo', 'adlm', 'rohg', 'samr', 'mand',
  'mend', 'yezi', 'avst', 'armi', 'phnx', 'phli', 'phlp', 'prti', 'nbat', 'palm', 'hatr', 'mani', 'khar',
  'sogd', 'sogo', 'ougr', 'chrs', 'elym', 'lydi', 'mero', 'merc', 'narb', 'sarb', 'orkh', 'hung', 'cprt',
]);

/**
 * Languages that are LTR by default but written in Arabic script in some regions (CLDR likely
 * subtags): "az-IR" is South Azerbaijani, "pa-PK" is Shahmukhi Punjabi, "uz-AF" is Afghan Uzbek.
 */
const RTL_REGIONS: Record<string, readonly string[]> = {
  az: ['IR', 'IQ'],
  pa: ['PK'],
  uz: ['AF'],
};

/** Deprecated or 3-letter codes that BCP 47 canonicalises to another primary subtag. */
// prettier-ignore
const ALIASES: Record<string, string> = {
  iw: 'he', ji: 'yi', in: 'id', jw: 'jv',
  ara: 'ar', heb: 'he', per: 'fa', fas: 'fa', urd: 'ur', pus: 'ps', snd: 'sd', uig: 'ug', yid: 'yi',
  div: 'dv', kur: 'ku', aze: 'az', eng: 'en',
};

/** Primary subtags that name no particular language: undetermined, multiple, uncoded, no linguistic content. */
const NO_LANGUAGE = new Set(['und', 'mul', 'mis', 'zxx']);

const SUBTAG = /^[a-z0-9]{1,8}$/;
const PRIMARY = /^(?:[a-z]{2,3}|[a-z]{5,8})$/;

interface ParsedTag {
  language: string;
  script: string | null;
  region: string | null;
}

function parseTag(tag: string): ParsedTag {
  const parts = tag.split('-');
  let script: string | null = null;
  let region: string | null = null;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (p.length === 1) break; // extension or private-use singleton: the rest is not script/region
    if (script === null && region === null && /^[A-Za-z]{4}$/.test(p)) script = p.toLowerCase();
    else if (region === null && /^(?:[A-Za-z]{2}|\d{3})$/.test(p)) region = p.toUpperCase();
  }
  return { language: parts[0] ?? '', script, region };
}

/**
 * Normalises a language tag to BCP 47 form: "ar_EG" → "ar-EG", "AR" → "ar", "zh-hant-tw" →
 * "zh-Hant-TW", "iw" → "he". Accepts the shapes pages actually use: underscores (og:locale "ar_AR"),
 * POSIX suffixes ("fa_IR.UTF-8"), and Content-Language lists ("ar, en" → "ar", the first one).
 * Returns null for empty, malformed, and "und"/"mul"/"zxx"-like tags without a script.
 */
export function normalizeLang(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const first = lang.trim().split(/[\s,;.@]/, 1)[0] ?? '';
  if (!first) return null;
  const parts = first.replace(/_/g, '-').toLowerCase().split('-');
  let primary = parts[0] ?? '';
  if (!PRIMARY.test(primary) || !parts.every((p) => SUBTAG.test(p))) return null;
  primary = ALIASES[primary] ?? primary;
  const out = [primary];
  let inExtension = false;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (p.length === 1) inExtension = true;
    if (!inExtension && p.length === 4 && /^[a-z]{4}$/.test(p)) out.push(p.charAt(0).toUpperCase() + p.slice(1));
    else if (!inExtension && (/^[a-z]{2}$/.test(p) || /^\d{3}$/.test(p))) out.push(p.toUpperCase());
    else out.push(p);
  }
  const tag = out.join('-');
  if (NO_LANGUAGE.has(primary) && parseTag(tag).script === null) return null;
  return tag;
}

/**
 * Direction of the script a language tag implies, or null when the tag says nothing (empty, "und",
 * malformed). The script subtag wins ("ku-Arab" → rtl, "az-Latn" → ltr); then a few regional
 * defaults; then the language table. Every other well-formed tag is ltr: we cannot enumerate all
 * ISO 639 codes, and the RTL ones are the short, known list above.
 */
export function langDirection(lang: string | null | undefined): Direction | null {
  const tag = normalizeLang(lang);
  if (tag === null) return null;
  const { language, script, region } = parseTag(tag);
  if (script !== null) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  if (NO_LANGUAGE.has(language)) return null;
  if (region !== null && RTL_REGIONS[language]?.includes(region)) return 'rtl';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
