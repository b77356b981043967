/**
 * The word-shingle metric of scrapinghub/article-extraction-benchmark (evaluate.py), shared by the fixture bench
 * (bench/quality.ts) and the real-corpus bench (bench/quality-corpus.ts).
 */
// The metric: a line-by-line port of evaluate.py (string_shingle_matching, precision_score, recall_score,
// metrics_from_tp_fp_fns, _tokenize, _ngrams).

/**
 * Python's `re.compile(r'\w+', re.UNICODE)`: `\w` is `str.isalnum() or '_'` (Py_UNICODE_ISALNUM: ISALPHA, ISDECIMAL,
 * ISDIGIT, ISNUMERIC). Checked over all 0x110000 code points against CPython 3.11 (UCD 14.0): that set is exactly
 * \p{L} ∪ \p{N} ∪ {_}. Where the emulation differs: (1) the Unicode version: JS uses its engine's UCD (Node 20
 * here: 17.0), so the ~14,000 code points assigned between UCD 14 and the engine's version are word characters here
 * and not in that Python (none of them occur in Arabic, Persian, Hebrew, Urdu, Kurdish or Latin text); (2) nothing
 * else: combining marks (\p{M}: Arabic harakat, Hebrew niqqud, Devanagari vowel signs), ZWNJ/ZWJ (Cf), bidi
 * controls and lone surrogates are non-word in both, so they split tokens in both (Persian "می‌شود" is two
 * tokens, vocalised Arabic splits at every haraka, exactly as evaluate.py does). IGNORECASE/MULTILINE/DOTALL do
 * not change what `\w+` matches; tokens are compared case-sensitively, as in Python.
 */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return (text || '').match(TOKEN_RE) ?? [];
}

/** `_ngrams`: for fewer than n tokens the single (shorter) shingle of all tokens; none for no tokens. */
export function ngrams(text: string, n: number): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    // A tuple of strings as a map key: U+0000 never occurs inside a \w+ token.
    if (shingle.length) out.push(shingle.join('\u0000'));
  }
  return out;
}

function counter(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

export type TpFpFn = [tp: number, fp: number, fn: number];

/** `string_shingle_matching(true, pred, ngram_n=4)`: TP/FP/FN over shingle multisets, normalised to sum 1. */
export function shingleMatching(truth: string, pred: string, n = 4): TpFpFn {
  const trueShingles = counter(ngrams(truth, n));
  const predShingles = counter(ngrams(pred, n));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...trueShingles.keys(), ...predShingles.keys()])) {
    const t = trueShingles.get(key) ?? 0;
    const p = predShingles.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const s = tp + fp + fn;
  // "Normalize metrics so that longer texts do not have more weight."
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export function precisionScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Python's statistics.mean: raises on an empty list (StatisticsError). */
function mean(values: number[]): number {
  if (values.length === 0) throw new Error('mean requires at least one data point');
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * `metrics_from_tp_fp_fns`. Python raises when no page qualifies for an average (StatisticsError) or when
 * precision + recall == 0 (ZeroDivisionError); so does this. `metricsOrNull` turns that into null for reporting.
 */
export function metricsFromTpFpFns(rows: TpFpFn[]): Metrics {
  const precision = mean(rows.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => precisionScore(tp, fp, fn)));
  const recall = mean(rows.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => recallScore(tp, fp, fn)));
  if (precision + recall === 0) throw new Error('float division by zero');
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

export function metricsOrNull(rows: TpFpFn[]): Metrics | null {
  try {
    return metricsFromTpFpFns(rows);
  } catch {
    return null;
  }
}
