/**
 * An RFC 4180 writer. Files start with a byte order mark because Excel (as
 * set up in Finland and Sweden) only reads a CSV as UTF-8 when it has one;
 * lines end in CRLF as the RFC says.
 */
const bom = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula. The texts come from people, so such a cell gets a
 * leading apostrophe: it then opens as text and never runs.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * A whole file, one line at a time: the header, then the rows, each row as
 * long as the header. Rows are read as they are written, so a large export
 * never holds all its rows, or the whole file, at once.
 */
export function* csvLines<Column extends string>(
  columns: readonly Column[],
  rows: Iterable<Record<Column, string>>,
): Generator<string> {
  yield `${bom}${csvLine(columns)}\r\n`;
  for (const row of rows) yield `${csvLine(columns.map((c) => row[c]))}\r\n`;
}

export const csvMediaType = 'text/csv; charset=utf-8; header=present';
