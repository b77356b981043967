/** Documents per generator in fuzz-corpus.test.ts (shared with fuzz.test.ts, which checks the 3,000 total). */
export const CORPUS_COUNTS = { tagSoup: 700, truncate: 80, mutate: 100 };
export const CORPUS_DOCUMENTS = Object.values(CORPUS_COUNTS).reduce((a, b) => a + b, 0);
