// Reads CSV imports with csv-parse (RFC 4180: quoted fields, doubled quotes, separators and newlines inside quotes,
// a byte-order mark), keeping the line each record starts on, so that an importer names the line of every rejected
// record. csv-parse has no browser-incompatible dependency in its sync API; it runs at import time only.
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  fields: string[];
}

/** Every non-empty row, with the line it starts on (1 = the header). */
export function parseCsv(text: string, separator = ','): CsvRow[] {
  // One line ending, so that the line count csv-parse reports is the file's as an editor shows it.
  const unified = text.replace(/\r\n?/g, '\n');
  const rows = parse(unified, { bom: true, delimiter: separator, raw: true, info: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as unknown as {
    record: string[];
    raw: string;
    info: { lines: number };
  }[];
  return rows.map(({ record, raw, info }) => {
    // csv-parse counts lines up to the record's end: step back over the newlines inside it (not the blank lines before it).
    const inside = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    return { line: info.lines - inside, fields: record };
  });
}

/** Rows as records keyed by the header row's names. */
export function csvRecords(text: string, separator = ','): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text, separator);
  if (!header) return [];
  const names = header.fields.map((h) => h.trim());
  return rows.map((row) => ({ line: row.line, record: Object.fromEntries(names.map((n, i) => [n, (row.fields[i] ?? '').trim()])) }));
}
