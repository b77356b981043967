import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { articleBytes } from './article-record';
import { EXPORT_FORMAT, EXPORT_MANIFEST, EXPORT_VERSION } from './export-format';
import { IMAGE_KEY_PATTERN } from './image-key-for';
import { LibraryError } from './library-error';
import { offlineImageSources } from './rewrite-image-sources';
import { cleanTags } from './tag-key';
import { RECORD_SCHEMA_VERSION, type SavedArticle, type SavedImageRef } from './schema';

/** One article read from an export, with the bytes of its stored images. */
export interface ImportedArticle {
  record: SavedArticle;
  images: { key: string; bytes: Uint8Array; type: string }[];
}

/** Far above any real image or export, far below what would exhaust memory on a crafted file. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
/** The index holds every article's text: about 45 KB an article, so this is room for ten thousand and more. */
const MAX_MANIFEST_BYTES = 1024 * 1024 * 1024;
/** An article's HTML copy plus its images: a 10,000-article export has about 60,000 entries. */
const MAX_ENTRIES = 500_000;
/**
 * The names an export has (exportLibrary): its index, `articles/<id>.html`, `images/<id>/<key>.<ext>`. Ids
 * and keys are hashes and [A-Za-z0-9_-]: a name like `constructor` or `__proto__`, or a path that climbs out,
 * cannot be one.
 */
const EXPORT_ENTRY =
  /^(?:articles\/[A-Za-z0-9_-]{1,128}\.html|images\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9_-]{1,100}\.[a-z]{2,5})$/;
/** Raster types only: a stored image becomes a blob: URL of the extension's own origin, so never SVG or HTML. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
/** Why an image of another type is imported as missing. */
const NOT_RASTER = 'not a raster image';

const CHOOSE_AGAIN = "Choose a .zip file made with Qari's Export.";

function corrupt(detail: string): LibraryError {
  return new LibraryError('corrupt-import', `This export is damaged and nothing was imported: ${detail}`);
}

function foreign(detail: string, advice = CHOOSE_AGAIN): LibraryError {
  return new LibraryError('foreign-import', `${detail} Nothing was imported. ${advice}`);
}

const NOT_A_ZIP = () =>
  new LibraryError(
    'corrupt-import',
    `This file could not be opened as a zip archive, so nothing was imported. ${CHOOSE_AGAIN}`,
  );

/**
 * Inflates only the entries `wanted` accepts, from the sizes and names of the zip's central directory, which
 * fflate hands to the filter before it inflates anything. Returned as a Map: entry names are data.
 */
function inflate(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let files: Unzipped;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw NOT_A_ZIP();
  }
  return new Map(Object.entries(files));
}

/**
 * Looks at the zip's directory only (nothing inflated): every entry must be one an export has, within the caps.
 * A zip that is not a Qari export is refused here, before a byte of it is inflated.
 */
function checkDirectory(bytes: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  let total = 0;
  let problem: LibraryError | null = null;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (problem) return false;
        total += file.originalSize;
        const max = file.name === EXPORT_MANIFEST ? MAX_MANIFEST_BYTES : MAX_FILE_BYTES;
        if (sizes.size >= MAX_ENTRIES) problem = corrupt('it holds more files than any export.');
        else if (file.name !== EXPORT_MANIFEST && !EXPORT_ENTRY.test(file.name))
          problem = foreign(`This zip is not a Qari library export (it holds "${file.name.slice(0, 80)}").`);
        else if (sizes.has(file.name)) problem = corrupt(`it holds "${file.name}" twice.`);
        else if (file.originalSize > max || total > MAX_TOTAL_BYTES)
          problem = corrupt(`the file "${file.name}" inside it is too large to be a saved article or image.`);
        else sizes.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    throw NOT_A_ZIP();
  }
  if (problem) throw problem;
  if (!sizes.has(EXPORT_MANIFEST))
    throw foreign(`This zip is not a Qari library export (it has no ${EXPORT_MANIFEST}).`);
  return sizes;
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
  // Exports made before tags (issue 12) have none: an export of format version 1 with or without them.
  tags: (v) => v === undefined || (Array.isArray(v) && v.every(isString)),
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

function readArticle(raw: unknown, n: number, files: Map<string, Uint8Array>): ImportedArticle {
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
    const type = (rawRef.type as string).split(';')[0]!.trim().toLowerCase();
    // An image of a type that is not raster (an SVG, an HTML page named .jpg) is imported as missing.
    const refused = !(rawRef.missing as boolean) && !IMAGE_TYPES.has(type);
    const missing = (rawRef.missing as boolean) || refused;
    // Same key order as saveArticle builds, so records compare equal after a round trip.
    const ref: SavedImageRef = {
      key,
      originalUrl: rawRef.originalUrl as string,
      missing,
      bytes: missing ? 0 : (rawRef.bytes as number),
      type: missing ? '' : (rawRef.type as string),
    };
    if (refused) ref.reason = NOT_RASTER;
    else if (rawRef.reason !== undefined) ref.reason = rawRef.reason as string;
    if (rawRef.width !== undefined) ref.width = rawRef.width as number;
    if (rawRef.height !== undefined) ref.height = rawRef.height as number;
    if (!missing) {
      const file = rawRef.file;
      const bytes = typeof file === 'string' ? files.get(file) : undefined;
      if (!bytes) throw corrupt(`the image file "${String(file)}" of ${name} is missing from the zip.`);
      if (bytes.length !== ref.bytes)
        throw corrupt(`the image file "${String(file)}" of ${name} has ${bytes.length} bytes, not ${ref.bytes}.`);
      images.push({ key, bytes, type: ref.type });
    }
    refs.push(ref);
  }
  // An imported article reads offline only: image URLs that are not its stored images (or raster data:) go.
  const content = offlineImageSources(raw.content as string);
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
    tags: cleanTags((raw.tags as string[] | undefined) ?? []),
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
  const sizes = checkDirectory(zip);
  // The index first, alone: only the image files it names are inflated after it is read and checked.
  const manifestBytes = inflate(zip, (name) => name === EXPORT_MANIFEST).get(EXPORT_MANIFEST);
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
  const named = new Set<string>();
  for (const article of manifest.articles as unknown[])
    if (isObject(article) && Array.isArray(article.images))
      for (const ref of article.images as unknown[])
        if (isObject(ref) && typeof ref.file === 'string' && ref.file.startsWith('images/') && sizes.has(ref.file))
          named.add(ref.file);
  const files = inflate(zip, (name) => named.has(name));
  return manifest.articles.map((raw, i) => readArticle(raw, i + 1, files));
}
