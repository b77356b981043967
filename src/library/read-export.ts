import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { articleBytes } from './article-record';
import { EXPORT_FORMAT, EXPORT_MANIFEST, EXPORT_VERSION } from './export-format';
import { IMAGE_KEY_PATTERN } from './image-key-for';
import { LibraryError } from './library-error';
import { RECORD_SCHEMA_VERSION, type SavedArticle, type SavedImageRef } from './schema';

/** One article read from an export, with the bytes of its stored images. */
export interface ImportedArticle {
  record: SavedArticle;
  images: { key: string; bytes: Uint8Array; type: string }[];
}

/** Far above any real image or export, far below what would exhaust memory on a crafted file. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

const CHOOSE_AGAIN = "Choose a .zip file made with Qari's Export.";

function corrupt(detail: string): LibraryError {
  return new LibraryError('corrupt-import', `This export is damaged and nothing was imported: ${detail}`);
}

function foreign(detail: string, advice = CHOOSE_AGAIN): LibraryError {
  return new LibraryError('foreign-import', `${detail} Nothing was imported. ${advice}`);
}

function unzip(bytes: Uint8Array): Unzipped {
  let tooLarge: string | null = null;
  let total = 0;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      // Sizes come from the zip's directory, before anything is inflated.
      filter(file) {
        total += file.originalSize;
        if (file.originalSize > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) tooLarge ??= file.name;
        return tooLarge === null;
      },
    });
  } catch {
    throw new LibraryError(
      'corrupt-import',
      `This file could not be opened as a zip archive, so nothing was imported. ${CHOOSE_AGAIN}`,
    );
  }
  if (tooLarge !== null) throw corrupt(`the file "${tooLarge}" inside it is too large to be a saved article or image.`);
  return files;
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNullableString: Check = (v) => v === null || typeof v === 'string';
const isCount: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isNullableTime: Check = (v) => v === null || isTime(v);
const isDir: Check = (v) => v === 'rtl' || v === 'ltr';

const ARTICLE_FIELDS: Record<string, Check> = {
  id: (v) => typeof v === 'string' && v.length > 0,
  url: (v) => typeof v === 'string' && v.length > 0,
  title: isString,
  byline: isNullableString,
  siteName: isNullableString,
  publishedTime: isNullableString,
  lang: isNullableString,
  dir: isDir,
  excerpt: isNullableString,
  leadImage: isNullableString,
  content: isString,
  textContent: isString,
  readingTimeMinutes: isCount,
  wordCount: isCount,
  savedAt: isTime,
  updatedAt: isTime,
  readAt: isNullableTime,
  archived: (v) => typeof v === 'boolean',
  deletedAt: isNullableTime,
  progress: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  dirOverride: (v) => v === null || isDir(v),
  images: Array.isArray,
};

const IMAGE_FIELDS: Record<string, Check> = {
  key: (v) => typeof v === 'string' && IMAGE_KEY_PATTERN.test(v),
  originalUrl: isString,
  missing: (v) => typeof v === 'boolean',
  bytes: isCount,
  type: isString,
  reason: (v) => v === undefined || isString(v),
  width: (v) => v === undefined || isCount(v),
  height: (v) => v === undefined || isCount(v),
  file: isNullableString,
};

function firstInvalid(value: Record<string, unknown>, fields: Record<string, Check>): string | null {
  for (const [name, check] of Object.entries(fields)) if (!check(value[name])) return name;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readArticle(raw: unknown, n: number, files: Unzipped): ImportedArticle {
  if (!isObject(raw)) throw corrupt(`article ${n} is not a record.`);
  const name = typeof raw.title === 'string' && raw.title ? `article ${n} ("${raw.title}")` : `article ${n}`;
  const bad = firstInvalid(raw, ARTICLE_FIELDS);
  if (bad) throw corrupt(`${name} has a missing or invalid "${bad}".`);
  const refs: SavedImageRef[] = [];
  const images: ImportedArticle['images'] = [];
  const keys = new Set<string>();
  for (const [i, rawRef] of (raw.images as unknown[]).entries()) {
    if (!isObject(rawRef)) throw corrupt(`image ${i + 1} of ${name} is not a record.`);
    const badRef = firstInvalid(rawRef, IMAGE_FIELDS);
    if (badRef) throw corrupt(`image ${i + 1} of ${name} has a missing or invalid "${badRef}".`);
    const key = rawRef.key as string;
    if (keys.has(key)) throw corrupt(`${name} lists the image "${key}" twice.`);
    keys.add(key);
    const missing = rawRef.missing as boolean;
    // Same key order as saveArticle builds, so records compare equal after a round trip.
    const ref: SavedImageRef = {
      key,
      originalUrl: rawRef.originalUrl as string,
      missing,
      bytes: missing ? 0 : (rawRef.bytes as number),
      type: missing ? '' : (rawRef.type as string),
    };
    if (rawRef.reason !== undefined) ref.reason = rawRef.reason as string;
    if (rawRef.width !== undefined) ref.width = rawRef.width as number;
    if (rawRef.height !== undefined) ref.height = rawRef.height as number;
    if (!missing) {
      const file = rawRef.file;
      const bytes = typeof file === 'string' ? files[file] : undefined;
      if (!bytes) throw corrupt(`the image file "${String(file)}" of ${name} is missing from the zip.`);
      if (bytes.length !== ref.bytes)
        throw corrupt(`the image file "${String(file)}" of ${name} has ${bytes.length} bytes, not ${ref.bytes}.`);
      images.push({ key, bytes, type: ref.type });
    }
    refs.push(ref);
  }
  const content = raw.content as string;
  const record: SavedArticle = {
    url: raw.url as string,
    title: raw.title as string,
    byline: raw.byline as string | null,
    siteName: raw.siteName as string | null,
    publishedTime: raw.publishedTime as string | null,
    lang: raw.lang as string | null,
    dir: raw.dir as SavedArticle['dir'],
    excerpt: raw.excerpt as string | null,
    leadImage: raw.leadImage as string | null,
    content,
    textContent: raw.textContent as string,
    readingTimeMinutes: raw.readingTimeMinutes as number,
    wordCount: raw.wordCount as number,
    id: raw.id as string,
    savedAt: raw.savedAt as number,
    updatedAt: raw.updatedAt as number,
    readAt: raw.readAt as number | null,
    archived: raw.archived as boolean,
    deletedAt: raw.deletedAt as number | null,
    progress: raw.progress as number,
    dirOverride: raw.dirOverride as SavedArticle['dirOverride'],
    images: refs,
    // Recomputed: usage totals must not trust a number from a file.
    bytes: articleBytes(content, refs),
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
  return { record, images };
}

/**
 * Reads and checks a whole export before anything is written: that it is a zip, that it is a Qari export
 * of a version this Qari reads, that every record has every field with the right type, and that every
 * stored image it names is in the zip with the stated size. Throws LibraryError 'corrupt-import' or
 * 'foreign-import' with a message for the reader.
 */
export function readExport(zip: Uint8Array): ImportedArticle[] {
  const files = unzip(zip);
  const manifestBytes = files[EXPORT_MANIFEST];
  if (!manifestBytes) throw foreign(`This zip is not a Qari library export (it has no ${EXPORT_MANIFEST}).`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw corrupt(`its ${EXPORT_MANIFEST} could not be read.`);
  }
  if (!isObject(manifest) || manifest.format !== EXPORT_FORMAT)
    throw foreign(`This zip is not a Qari library export (its ${EXPORT_MANIFEST} is something else).`);
  const version = manifest.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw corrupt('its format version is missing.');
  if (version > EXPORT_VERSION)
    throw foreign('This export was made by a newer version of Qari.', 'Update Qari, then import it again.');
  if (!Array.isArray(manifest.articles)) throw corrupt('its list of articles is missing.');
  return manifest.articles.map((raw, i) => readArticle(raw, i + 1, files));
}
