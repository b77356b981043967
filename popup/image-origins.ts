/** At most this many hosts are asked for at once: an article's images come from a CDN or two, not dozens. */
const MAX_ORIGINS = 8;
/** An origin pattern for one host: scheme, host name (no wildcard, no user info), optional port, "/*". */
const ORIGIN_PATTERN = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(:\d{1,5})?\/\*$/;

/**
 * The image origins the content script reported (it reads them in the page, which chose them) as what may go to
 * permissions.request: only single-host http(s) patterns, never the page's own origin (its images come through
 * the page), each once, a few at most. A pattern such as "<all_urls>" or "*://*\/*" never reaches the prompt.
 */
export function originsToRequest(reported: readonly unknown[], pageUrl: string): string[] {
  let page: string;
  try {
    page = new URL(pageUrl).origin;
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const value of reported) {
    if (typeof value !== 'string') continue;
    const match = ORIGIN_PATTERN.exec(value.toLowerCase());
    if (!match) continue;
    const origin = `${match[1]}://${match[2]}${match[3] ?? ''}`;
    if (origin === page) continue;
    out.add(`${origin}/*`);
    if (out.size >= MAX_ORIGINS) break;
  }
  return [...out];
}
