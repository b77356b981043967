/**
 * srcset parsing after the HTML spec's algorithm (simplified: no error recovery inside descriptors). URLs
 * may contain commas (image CDNs: "w_400,c_fill"); a comma only separates candidates when it follows
 * whitespace, a descriptor, or ends the URL. Splitting on "," or ", " gets both cases wrong.
 */

export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  const n = srcset.length;
  while (i < n) {
    while (i < n && /[\s,]/.test(srcset[i]!)) i++;
    if (i >= n) break;
    let end = i;
    while (end < n && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(i, end);
    i = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Descriptors run to the next comma that is not inside parentheses.
      let depth = 0;
      const start = i;
      while (i < n && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        else if (srcset[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = srcset.slice(start, i).trim();
      i++; // the comma
    }
    if (url) candidates.push({ url, descriptor });
  }
  return candidates;
}

export function serializeSrcset(candidates: SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}
