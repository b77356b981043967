import type { SavedImageRef } from './schema';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'image/tiff': 'tiff',
};

/** File name of a stored image in an export: its key (safe characters only) and an extension from its type. */
export function imageFileName(ref: Pick<SavedImageRef, 'key' | 'type'>): string {
  const type = ref.type.split(';')[0]!.trim().toLowerCase();
  return `${ref.key}.${EXTENSIONS[type] ?? 'bin'}`;
}

/** Path of a stored image inside an export zip, from the zip's root. */
export function imagePath(articleId: string, ref: Pick<SavedImageRef, 'key' | 'type'>): string {
  return `images/${articleId}/${imageFileName(ref)}`;
}
