import { unzipSync } from 'fflate';

/** Why a zip was refused, in plain words. */
export class ZipLimitError extends Error {}

export interface ZipLimits {
  /** Most entries the archive may list. */
  maxEntries: number;
  /** Largest single file, uncompressed. */
  maxFileBytes: number;
  /** All wanted files together, uncompressed. */
  maxTotalBytes: number;
}

/** The names in a zip's central directory with their uncompressed sizes; nothing is inflated. */
export function listZip(bytes: Uint8Array, maxEntries: number): Map<string, number> {
  const sizes = new Map<string, number>();
  let tooMany = false;
  unzipSync(bytes, {
    filter(file) {
      if (sizes.size >= maxEntries) tooMany = true;
      else sizes.set(file.name, file.originalSize);
      return false;
    },
  });
  if (tooMany) throw new ZipLimitError(`The zip holds more than ${maxEntries} files.`);
  return sizes;
}

/**
 * Inflates only the wanted entries, after checking their sizes in the central directory against the limits
 * (as src/library/read-export.ts does): a crafted zip that would inflate to gigabytes is refused before a
 * byte of it is inflated. A Map, since entry names are data (`__proto__`).
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits,
): Map<string, Uint8Array> {
  const sizes = listZip(bytes, limits.maxEntries);
  let total = 0;
  for (const [name, size] of sizes) {
    if (!wanted(name)) continue;
    if (size > limits.maxFileBytes) throw new ZipLimitError(`"${name.slice(0, 80)}" inside the zip is too large.`);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipLimitError('The files inside the zip are too large together.');
  }
  return new Map(Object.entries(unzipSync(bytes, { filter: (file) => wanted(file.name) })));
}
