/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash. Synchronous on purpose: ids are needed inside
 * IndexedDB transactions and migrations, where awaiting crypto.subtle would let the transaction commit.
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Hex hash of `text`: two cyrb53 with different seeds (106 bits, 28 hex digits), so that two URLs in one
 * library colliding (which would make one save overwrite another article) is out of reach in practice.
 */
export function hashString(text: string, parts: 1 | 2 = 2): string {
  let out = cyrb53(text, 0).toString(16).padStart(14, '0');
  if (parts === 2) out += cyrb53(text, 0x9e3779b9).toString(16).padStart(14, '0');
  return out;
}
