// A small RFC 4180 CSV reader: quoted fields, doubled quotes, separators and newlines inside quotes. Each row keeps
// the line it starts on, so an importer can name the line of every rejected record.

export interface CsvRow {
  line: number;
  fields: string[];
}

export function parseCsv(text: string, separator = ','): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) fields.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

/** Rows as records keyed by the header row's names. */
export function csvRecords(text: string, separator = ','): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsv(text, separator);
  if (!header) return [];
  const names = header.fields.map((h) => h.trim());
  return rows.map((row) => ({ line: row.line, record: Object.fromEntries(names.map((n, i) => [n, (row.fields[i] ?? '').trim()])) }));
}
