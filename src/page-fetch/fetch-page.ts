import { failureForFetchError, failureForStatus, JobError } from '../queue/job-error';
import { decodeHtml } from './decode-html';

/** Bounds of one page download. Tests shorten the timeout (the e2e fault build, background/queue-service.ts). */
export interface FetchLimits {
  /**
   * Milliseconds for the whole answer, body included. Default 30 s: a page a reader would have given up on; a
   * slow site costs one of the queue's three places for at most this long, and is tried again later.
   */
  timeoutMs: number;
  /**
   * Bytes of HTML. Default 10 MB: the largest of WCXB's 1,497 real article pages is 5.3 MB; beyond twice that it
   * is a data dump or a hostile page, and parsing it would hold the offscreen document for seconds.
   */
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 10 * 2 ** 20 };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

export interface FetchedPage {
  /** The page as text, decoded from its bytes (decode-html.ts). */
  html: string;
  /** The address after redirects: the base for the page's relative links. */
  url: string;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new JobError('too-large', `This page is too large to save (over ${Math.round(maxBytes / 2 ** 20)} MB).`);
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Downloads a page as the reader would see it, or throws a JobError that says why not.
 *
 * Credentials: 'include'. A reader who saves a link to a site they subscribe to expects the article they would
 * read by clicking it, not the paywall's teaser; the request is a plain GET of a link they chose, the same
 * request a click makes, sent only to sites they granted Qari access to. (Images keep 'omit': fetch-image.ts.)
 */
export async function fetchPage(
  url: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  fetcher: typeof fetch = fetch,
): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetcher(url, {
      credentials: 'include',
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
    });
  } catch (error) {
    throw failureForFetchError(error);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw failureForStatus(response.status);
  }
  const contentType = response.headers.get('content-type');
  if (contentType && !HTML_TYPES.test(contentType.trim())) {
    void response.body?.cancel().catch(() => undefined);
    const type = contentType.split(';')[0]!.trim();
    throw new JobError('not-html', `This is not a web page (${type}): Qari saves web pages only.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, limits.maxBytes);
  } catch (error) {
    throw failureForFetchError(error);
  }
  return { html: decodeHtml(bytes, contentType).text, url: response.url || url };
}
