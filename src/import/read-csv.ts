import Papa from 'papaparse';

/** A CSV file as rows of named fields, with the 1-based line each row starts on (for "skipped: line 12"). */
export interface CsvRows {
  header: string[];
  rows: { line: number; fields: Record<string, string>; complete: boolean }[];
}

/**
 * Reads a CSV export with Papa Parse: quoted fields with commas, quotes ("") and line breaks inside them,
 * CRLF or LF, a byte order mark (Excel writes one). Header names are compared trimmed and lowercased, since
 * the apps differ in case ("URL" in Instapaper, "url" in Pocket). `complete` is false for a row with fewer
 * fields than the header (a cut-off or hand-edited line).
 */
export function readCsv(text: string): CsvRows {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw: { start: number; row: string[] }[] = [];
  let start = 0;
  // Step mode, for meta.cursor: where each row ends, so each row's line can be counted from the text
  // (a quoted field can span lines, so rows and lines differ).
  Papa.parse<string[]>(clean, {
    skipEmptyLines: 'greedy',
    step(result) {
      raw.push({ start, row: result.data });
      start = result.meta.cursor;
    },
  });
  const [head, ...body] = raw;
  const header = (head?.row ?? []).map((name) => name.trim().toLowerCase());
  const rows: CsvRows['rows'] = [];
  let line = 1;
  let counted = 0;
  for (const { start: at, row } of body) {
    // The row begins at its first character after the previous row's line break(s).
    let first = at;
    while (first < clean.length && (clean[first] === '\n' || clean[first] === '\r')) first++;
    line += lineBreaks(clean, counted, first);
    counted = first;
    const fields: Record<string, string> = {};
    header.forEach((name, i) => (fields[name] = row[i] ?? ''));
    rows.push({ line, fields, complete: row.length >= header.length });
  }
  return { header, rows };
}

/** Line breaks (CRLF, LF or CR) in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
