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
  const firstEnd = source.indexOf('\n');
  const firstLine = firstEnd < 0 ? source : source.slice(0, firstEnd);
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const linesIn = (from: number, to: number): number => {
    let count = 0;
    for (let at = source.indexOf('\n', from); at >= 0 && at < to; at = source.indexOf('\n', at + 1))
      count++;
    return count;
  };
  // Runs of plain text are taken as slices, not a character at a time: a cell may be megabytes.
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      const close = source.indexOf('"', i);
      const end = close < 0 ? source.length : close;
      field += source.slice(i, end);
      line += linesIn(i, end);
      if (close < 0) i = end;
      else if (source[close + 1] === '"') {
        field += '"';
        i = close + 2;
      } else {
        quoted = false;
        i = close + 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else {
      let end = i + 1;
      while (end < source.length && !isBreak(source[end], delimiter)) end++;
      field += source.slice(i, end);
      i = end;
    }
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return quoted ? { records, unclosedQuote: quoteLine } : { records };
}

const isBreak = (c: string | undefined, delimiter: string): boolean =>
  c === delimiter || c === '\n' || c === '\r';
