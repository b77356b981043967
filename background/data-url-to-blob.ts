/**
 * Image bytes cross from the content script as a data: URL (runtime messages carry JSON only). Decoded by
 * hand: the extension CSP does not let the worker fetch() a data: URL, and it should not need to.
 */
export function dataUrlToBlob(dataUrl: string): Blob | { reason: string } {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) return { reason: 'Not an image.' };
  const [, type = '', base64, data = ''] = match;
  if (!base64) return new Blob([decodeURIComponent(data)], { type });
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
