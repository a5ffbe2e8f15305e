/** One parsed CSV record and the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The records, and the line of a quote never closed: it would swallow every row after it. */
export interface CsvText {
  records: CsvRecord[];
  unclosedQuote?: number;
}

/** The records of a CSV text, for text Tasa wrote itself (see readCsv). */
export const parseCsv = (text: string): CsvRecord[] => readCsv(text).records;

/**
 * A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and
 * line breaks; the delimiter is a comma or, as spreadsheets in Finland and
 * Sweden often write, a semicolon (taken from the header line).
 */
export function readCsv(text: string): CsvText {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return quoted ? { records, unclosedQuote: quoteLine } : { records };
}
