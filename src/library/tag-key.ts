/**
 * The identity of a tag: "Science", "science " and "SCIENCE" are one tag, and so are the composed and
 * decomposed forms of "é" or of an Arabic letter with a hamza (NFC). Locale-free lowercasing, so the key
 * is the same in every browser language (Turkish "I" stays "i").
 */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** The longest tag kept: a tag is a label, not a note. */
export const MAX_TAG_LENGTH = 100;

/**
 * Tags as the reader wrote them, trimmed, blank ones dropped, one per tagKey (the first spelling wins), in
 * their order: `cleanTags([...existing, ...incoming])` is a merge that keeps the existing spellings.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/gu, ' ').slice(0, MAX_TAG_LENGTH);
    const key = tagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}
