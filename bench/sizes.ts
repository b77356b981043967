import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Figure 3: what each part of the built extension (dist/) loads, raw and gzip (node:zlib, default level 6, each
 * file compressed on its own and the sizes added). A page's initial files are the scripts and stylesheets its
 * HTML references plus every chunk those scripts import statically, transitively (shared chunks included);
 * chunks reached only through import() load on demand and are counted apart, as `lazy`.
 */

export interface Size {
  raw: number;
  gzip: number;
}
export interface PartSize {
  files: string[];
  js: Size;
  css: Size;
  /** Chunks loaded only on demand (import()), with their own static imports not already loaded. */
  lazy: { files: string[]; js: Size };
}

const DIST = 'dist';
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const resolveFrom = (file: string, spec: string) => relative(DIST, join(DIST, dirname(file), spec));

/** The files and their static imports, transitively (paths inside dist/). */
function staticClosure(roots: string[], seen = new Set<string>()): Set<string> {
  for (const file of roots) {
    if (seen.has(file) || !file.endsWith('.js')) {
      seen.add(file);
      continue;
    }
    seen.add(file);
    for (const [, spec] of read(file).matchAll(STATIC_IMPORT)) staticClosure([resolveFrom(file, spec!)], seen);
  }
  return seen;
}

/** Initial files of an entry, and what it can load later through import(). */
function part(roots: string[]): PartSize {
  const initial = staticClosure(roots);
  const lazy = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const file of [...initial, ...lazy].filter((f) => f.endsWith('.js')))
      for (const [, spec] of read(file).matchAll(DYNAMIC_IMPORT))
        for (const f of staticClosure([resolveFrom(file, spec!)]))
          if (!initial.has(f) && !lazy.has(f)) {
            lazy.add(f);
            changed = true;
          }
  }
  return {
    files: [...initial].sort(),
    js: measure(initial, '.js'),
    css: measure(initial, '.css'),
    lazy: { files: [...lazy].sort(), js: measure(lazy, '.js') },
  };
}

function measure(files: Set<string>, ext: string): Size {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    if (!f.endsWith(ext)) continue;
    const bytes = readFileSync(join(DIST, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** Scripts and stylesheets an HTML page of dist/ references (src= and href=). */
function htmlRoots(html: string): string[] {
  return [...read(html).matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export function bundleSizes() {
  return {
    content: part(['content.js']),
    popup: part(htmlRoots('popup.html')),
    reader: part(htmlRoots('reader.html')),
    background: part(['background.js']),
  };
}

/** Size of a font file of dist/assets/, by name (to weigh what the reader downloads). */
export function fontFileBytes(name: string): number {
  return readFileSync(join(DIST, 'assets', name)).length;
}
