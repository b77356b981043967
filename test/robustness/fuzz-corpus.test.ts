// @vitest-environment jsdom
/**
 * Extraction never throws on damaged real pages: the fixture corpus truncated at random byte offsets and mutated
 * at random (subtrees deleted, duplicated, swapped, moved, unwrapped; random tags injected), plus more tag soup.
 * Deterministic: a failure prints generator, seed and index. Split from fuzz.test.ts so Vitest can run the two
 * files on two workers; see that file for the overall design.
 */
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article';
import { CORPUS_COUNTS } from './fuzz-corpus.counts';
import { loadFixtures, mulberry32, mutateDocument, pick, tagSoup, truncateAtByte } from './generators';
import { describeError, fuzz, report, runHtml, SEED, viaFor, violation, type Failure } from './harness';

const counts = CORPUS_COUNTS;

describe('extraction never throws on damaged corpus pages', () => {
  test('more random tag soup (other seeds)', () => {
    const failures = fuzz('tagSoup2', counts.tagSoup, (rng) => tagSoup(rng), 100_003);
    expect(failures, report(failures)).toEqual([]);
  }, 120_000);

  const fixtures = loadFixtures();

  test('corpus pages truncated at random byte offsets', () => {
    const failures = fuzz(
      'truncate',
      counts.truncate,
      (rng) => {
        const fixture = pick(rng, fixtures);
        return truncateAtByte(rng, fixture.html);
      },
      5,
    );
    expect(failures, report(failures)).toEqual([]);
  }, 120_000);

  test('corpus pages with random subtrees deleted, duplicated, swapped, moved, unwrapped and tags injected', () => {
    const failures: Failure[] = [];
    const started = performance.now();
    for (let index = 0; index < counts.mutate; index++) {
      const seed = (SEED + 6 + index * 7919) >>> 0;
      const rng = mulberry32(seed);
      const fixture = pick(rng, fixtures);
      const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
      let ops: string[] = [];
      let problem: string | null;
      try {
        ops = mutateDocument(rng, doc);
        // Half are extracted from the mutated tree, half re-serialized and parsed again (the parser repairs it).
        const result =
          index % 2 === 0
            ? extractArticle(doc, { url: fixture.url })
            : runHtml(doc.documentElement.outerHTML, fixture.url, viaFor(index)).result;
        problem = violation(result, (s) => fixture.html.includes(s));
      } catch (error) {
        problem = describeError(error);
      }
      if (problem)
        failures.push({
          generator: `mutate(${fixture.slug}: ${ops.join(', ')})`,
          seed,
          index,
          via: 'domparser',
          problem,
        });
    }
    console.log(
      `fuzz mutate: ${counts.mutate} documents in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`,
    );
    expect(failures, report(failures)).toEqual([]);
  }, 120_000);
});
