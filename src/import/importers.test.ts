// @vitest-environment jsdom
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBookmarksHtml } from './parse-bookmarks-html';
import { parseInstapaperCsv } from './parse-instapaper-csv';
import { parseOmnivoreZip } from './parse-omnivore-zip';
import { parsePocketCsv } from './parse-pocket-csv';
import { parseWallabagJson } from './parse-wallabag-json';
import { readZipEntries, ZipLimitError } from './read-zip-entries';

describe('CSV details', () => {
  it('reads LF and CRLF alike, quoted fields across lines, and counts lines for the skipped rows', () => {
    const rows = [
      'title,url,time_added,tags,status',
      '"Two\nlines, and ""quotes""",https://a.example/1,1700000000,x|y,unread',
      '',
      'ftp row,ftp://a.example/f,1700000000,,unread',
    ];
    for (const eol of ['\n', '\r\n']) {
      const parsed = parsePocketCsv(rows.join(eol));
      expect(parsed.entries).toEqual([
        {
          url: 'https://a.example/1',
          source: 'pocket',
          // The line break inside the quotes is the file's own, whatever the rows end with.
          title: 'Two\nlines, and "quotes"',
          tags: ['x', 'y'],
          addedAt: 1_700_000_000_000,
          state: 'unread',
        },
      ]);
      // Line 2 spans two lines, line 4 is blank: the ftp row is on line 5.
      expect(parsed.skipped).toEqual([expect.objectContaining({ at: 5, unit: 'line', url: 'ftp://a.example/f' })]);
    }
  });

  it('says so when a file has no url column', () => {
    expect(parsePocketCsv('a,b\n1,2').skipped[0]?.reason).toMatch(/not a Pocket export/);
    expect(parseInstapaperCsv('a,b\n1,2').skipped[0]?.reason).toMatch(/not an Instapaper export/);
  });

  it('reads an Instapaper export from before the Tags column', () => {
    const parsed = parseInstapaperCsv(
      'URL,Title,Selection,Folder,Timestamp\nhttps://a.example/,A,,Recipes,1700000000\n',
    );
    expect(parsed.entries).toEqual([
      {
        url: 'https://a.example/',
        source: 'instapaper',
        title: 'A',
        tags: ['Recipes'],
        addedAt: 1_700_000_000_000,
        state: 'unread',
      },
    ]);
  });
});

describe('wallabag details', () => {
  it('reads true/false as well as 1/0, and refuses what is not a list', () => {
    const parsed = parseWallabagJson(
      JSON.stringify([
        { url: 'https://a.example/', is_archived: true, is_starred: false, tags: [{ label: 'Old style' }] },
      ]),
    );
    expect(parsed.entries[0]).toMatchObject({ state: 'archived', tags: ['Old style'] });
    expect(parseWallabagJson('{"url":"x"}').skipped[0]?.reason).toMatch(/not a list/);
    expect(parseWallabagJson('not json').skipped[0]?.reason).toMatch(/not valid JSON/);
  });
});

describe('zip limits', () => {
  it('refuses to inflate a file larger than the cap, from the directory alone', () => {
    const zip = zipSync({ 'metadata_0_to_1.json': strToU8('[]'), 'content/a.html': new Uint8Array(5000) });
    expect(() =>
      readZipEntries(zip, () => true, { maxEntries: 10, maxFileBytes: 1000, maxTotalBytes: 10_000 }),
    ).toThrow(ZipLimitError);
    expect(() => readZipEntries(zip, () => true, { maxEntries: 1, maxFileBytes: 1e6, maxTotalBytes: 1e6 })).toThrow(
      /more than 1 files/,
    );
  });

  it('reads content only at content/<slug>.html, never a path a slug could climb to', () => {
    const zip = zipSync({
      'metadata_0_to_2.json': strToU8(
        JSON.stringify([
          { url: 'https://a.example/1', slug: 'one', labels: [], state: 'Active' },
          { url: 'https://a.example/2', slug: '../secret', labels: [], state: 'Active' },
        ]),
      ),
      'content/one.html': strToU8('<p>One</p>'),
      'secret.html': strToU8('<p>Secret</p>'),
    });
    const parsed = parseOmnivoreZip(zip);
    expect(parsed.entries.map((e) => e.content?.html ?? null)).toEqual(['<p>One</p>', null]);
    expect(parseOmnivoreZip(strToU8('not a zip')).skipped[0]?.reason).toMatch(/could not be opened as a zip/);
  });
});

describe('bookmarks details', () => {
  it('parses into an inert document: no script or handler of the file runs', async () => {
    const win = globalThis as unknown as { qariRan?: number };
    const parsed = parseBookmarksHtml(
      '<DL><p><DT><A HREF="https://a.example/">A</A><script>globalThis.qariRan = 1</script>' +
        '<img src="x" onerror="globalThis.qariRan = 2"></DL>',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.qariRan).toBeUndefined();
    expect(parsed.entries).toHaveLength(1);
  });

  it('keeps folders as tags, leaves out the browser roots, and reads TAGS', () => {
    const parsed = parseBookmarksHtml(`<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
  <DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Barre de favoris</H3>
  <DL><p>
    <DT><H3>Lecture</H3>
    <DL><p><DT><A HREF="https://a.example/1" ADD_DATE="1700000000" TAGS="later,Later">One</A></DL><p>
  </DL><p>
  <DT><H3 UNFILED_BOOKMARKS_FOLDER="true">Autres</H3>
  <DL><p><DT><A HREF="https://a.example/2">Two</A></DL><p>
  <DT><H3>Mobile bookmarks</H3>
  <DL><p><DT><A HREF="https://a.example/3">Three</A></DL><p>
</DL>`);
    expect(parsed.entries.map((e) => [e.title, e.tags])).toEqual([
      ['One', ['Lecture', 'later']],
      ['Two', []],
      ['Three', []],
    ]);
  });
});
