/**
 * Query parameters that only track where a click came from; the same article shared through two
 * campaigns must be one saved article. Listed by name or prefix (utm_source, utm_medium, …).
 */
const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid)$/i;

/**
 * The identity of a saved article's URL: fragment dropped (it is a position in the page), tracking
 * parameters dropped, host lowercased (URL does that, and drops default ports). Other parameters keep
 * their order: some sites route articles by them (`?p=123&lang=ar`).
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  if (kept.length !== [...parsed.searchParams].length) {
    parsed.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  parsed.hostname = parsed.hostname.toLowerCase();
  return parsed.href;
}
