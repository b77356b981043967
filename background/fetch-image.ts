/**
 * Fetches one article image for the library, from the service worker (not the page: cross-origin images
 * need the extension's own request). Huge images are downscaled so a saved article stays a sensible size;
 * anything that fails, or is not an image, comes back as missing with a reason, and the save goes on.
 */

export type FetchedImage = { ok: true; blob: Blob; width?: number; height?: number } | { ok: false; reason: string };

const MAX_DOWNLOAD = 25 * 1024 * 1024; // bytes: beyond this it is not an article photo
const MAX_SIDE = 2000; // px: wider than any reading column at 2x density
const DOWNSCALE_ABOVE = 1.5 * 1024 * 1024; // bytes: smaller files are kept exactly as published
const TIMEOUT = 20_000;

async function decode(blob: Blob): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(blob);
  } catch {
    return null;
  }
}

async function downscale(bitmap: ImageBitmap): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  try {
    return await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
  } catch {
    return null;
  }
}

/** Downloads with the extension's own request: any origin it has host access to, CORS or not. */
export async function downloadImage(url: string, fetcher: typeof fetch = fetch): Promise<Blob | { reason: string }> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT), cache: 'force-cache' });
  } catch (error) {
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return {
      reason: offline ? 'Offline when the article was saved.' : `Could not download (${(error as Error).name}).`,
    };
  }
  if (!response.ok) return { reason: `The site answered ${response.status}.` };
  if (Number(response.headers.get('content-length')) > MAX_DOWNLOAD) return { reason: 'Too large to save.' };
  return response.blob();
}

/** Checks that the bytes are an image, and downscales huge ones. */
export async function prepareImage(blob: Blob): Promise<FetchedImage> {
  if (blob.size > MAX_DOWNLOAD) return { ok: false, reason: 'Too large to save.' };
  const type = blob.type;
  // SVG cannot be decoded in a worker; it is small and an <img> never runs its scripts, so keep it as is.
  if (/^image\/svg\+xml/.test(type)) return { ok: true, blob };
  const bitmap = await decode(blob);
  if (!bitmap) return { ok: false, reason: 'Not an image.' };
  const { width, height } = bitmap;
  const tooLarge = Math.max(width, height) > MAX_SIDE;
  if (blob.size > DOWNSCALE_ABOVE || tooLarge) {
    const smaller = await downscale(bitmap);
    bitmap.close();
    // Too many pixels is reason enough, whatever the bytes: a well-compressed 8000 × 6000 diagram is a small
    // file but 190 MB decoded in the reader. A file that is only heavy is replaced only by a lighter one.
    if (smaller && (tooLarge || smaller.size < blob.size)) {
      const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
      return { ok: true, blob: smaller, width: Math.round(width * scale), height: Math.round(height * scale) };
    }
    return { ok: true, blob, width, height };
  }
  bitmap.close();
  return { ok: true, blob, width, height };
}
