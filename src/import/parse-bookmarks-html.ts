import { EntryCollector } from './entry-collector';
import type { ParsedImport } from './parsed-import';

/**
 * The folders every browser puts bookmarks in, whatever the reader filed: as tags they would say where the
 * browser keeps a bookmark, not what it is about, and nearly every bookmark would carry one. Chrome, Edge
 * and Firefox mark the toolbar folder with PERSONAL_TOOLBAR_FOLDER and Firefox its "Other Bookmarks" with
 * UNFILED_BOOKMARKS_FOLDER; the other roots are known by their English names at the top level only (a
 * browser in another language writes them in that language; such a root then becomes a tag, which is
 * harmless: the reader can remove it in one click from the tag list).
 */
const ROOT_MARKERS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];
const ROOT_NAMES = new Set([
  'bookmarks bar',
  'bookmarks toolbar',
  'bookmarks menu',
  'other bookmarks',
  'mobile bookmarks',
  'favorites bar',
  'favorites',
  'bookmarks',
]);

/** ADD_DATE is Unix seconds in every browser's export; a few tools write ms or µs, told apart by size. */
function addDate(value: string | null): number | undefined {
  if (!value || !/^\d{1,17}$/.test(value.trim())) return undefined;
  const n = Number(value);
  if (n <= 0) return undefined;
  if (n < 1e11) return n * 1000;
  if (n < 1e14) return n;
  return Math.floor(n / 1000);
}

/** The folder names above a bookmark, outermost first, roots left out. */
function foldersOf(link: Element): string[] {
  const folders: string[] = [];
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.tagName !== 'DL') continue;
    // A folder is `<DT><H3>name</H3><DL>…</DL>`: the DL's heading is the H3 just before it.
    let heading = node.previousElementSibling;
    while (heading && heading.tagName === 'P') heading = heading.previousElementSibling;
    if (heading?.tagName !== 'H3') continue;
    const name = (heading.textContent ?? '').trim();
    // <DL><DT><H3>: above the heading's DT is the list it is in; a top-level folder has no list above that.
    const isTop = !heading.parentElement?.parentElement?.parentElement?.closest('dl');
    const isRoot =
      ROOT_MARKERS.some((marker) => heading.hasAttribute(marker)) || (isTop && ROOT_NAMES.has(name.toLowerCase()));
    if (name && !isRoot) folders.unshift(name);
  }
  return folders;
}

/**
 * A Netscape bookmark file, as Chrome, Edge, Firefox and Safari export (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`):
 * `<DT><A HREF ADD_DATE TAGS>title</A>` inside folders `<DT><H3>name</H3><DL>…</DL>`. Each folder on the way
 * to a bookmark becomes a tag of its own ("Reading › Arabic" gives "Reading" and "Arabic": tags are flat,
 * and a subfolder usually narrows a topic), plus the TAGS attribute (Firefox, Pinboard: comma-separated).
 * Bookmarks have no read state: all come in unread.
 *
 * Parsed with DOMParser into an inert document (no scripts run, nothing loads, nothing is shown), never
 * assigned as HTML into a live page. `parser` is injectable for Node tests (jsdom's DOMParser).
 */
export function parseBookmarksHtml(html: string, parser: DOMParser = new DOMParser()): ParsedImport {
  const doc = parser.parseFromString(html, 'text/html');
  const collector = new EntryCollector();
  const links = doc.querySelectorAll('a');
  links.forEach((link, i) => {
    const href = link.getAttribute('href') ?? '';
    // Firefox writes its "smart" folders and bookmarklets as links too: place: and javascript: are not pages.
    const tags = [...foldersOf(link), ...(link.getAttribute('tags') ?? '').split(',')];
    collector.add(
      {
        url: href,
        source: 'bookmarks',
        title: (link.textContent ?? '').trim(),
        tags,
        addedAt: addDate(link.getAttribute('add_date')),
        state: 'unread',
      },
      i + 1,
      'entry',
    );
  });
  return collector.result();
}
