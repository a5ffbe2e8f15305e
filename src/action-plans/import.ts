import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { InputProblem } from '../checkins/validate.ts';
import { parseCsv } from './csv.ts';
import type { checkItem } from './draft.ts';
import { itemFieldNames, type ItemFields, type ItemInput } from './draft.ts';

export interface ImportProblem extends InputProblem {
  line: number;
}

export type ImportResult =
  | { ok: true; rows: { line: number; fields: ItemFields }[] }
  | { ok: false; rows: number; problems: ImportProblem[] };

const columns = [...itemFieldNames, 'status'] as const;
const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[;|,\s]+/).filter(Boolean)
      : [];

function rowsFromCsv(text: string): { line: number; input: ItemInput }[] | ImportProblem[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [{ line: 1, field: 'file', key: 'emptyFile', params: {} }];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => n !== '' && !(columns as readonly string[]).includes(n));
  const missing = ['title', 'due', 'owners', 'serves'].filter((c) => !names.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    return [
      ...unknown.map((value) => ({
        line: header.line,
        field: 'header',
        key: 'unknownColumn',
        params: { value, columns: columns.join(', ') },
      })),
      ...missing.map((value) => ({
        line: header.line,
        field: 'header',
        key: 'missingColumn',
        params: { value },
      })),
    ];
  }
  return records.map((record) => {
    const get = (name: string): string | undefined => {
      const index = names.indexOf(name);
      return index < 0 ? undefined : record.fields[index];
    };
    const input: ItemInput = {};
    for (const name of ['title', 'description', 'department', 'start', 'due', 'status'] as const) {
      const value = get(name);
      if (value !== undefined) input[name] = value;
    }
    input.serves = list(get('serves'));
    input.owners = list(get('owners'));
    return { line: record.line, input };
  });
}

function rowsFromYaml(text: string): { line: number; input: ItemInput }[] | ImportProblem[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      line: counter.linePos(e.pos[0]).line,
      field: 'file',
      key: 'badYaml',
      params: { detail: e.message.split('\n')[0] ?? '' },
    }));
  }
  const root = doc.contents;
  const seq = isMap(root) ? root.get('actions', true) : root;
  if (!isSeq(seq)) return [{ line: 1, field: 'file', key: 'yamlNotList', params: {} }];
  return seq.items.map((node) => {
    const line =
      node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)
        ? counter.linePos(node.range[0] as number).line
        : 1;
    const value = (isMap(node) ? node.toJSON() : {}) as Record<string, unknown>;
    const input: ItemInput = {};
    for (const name of ['title', 'description', 'department', 'start', 'due', 'status'] as const) {
      if (value[name] !== undefined) input[name] = String(value[name]);
    }
    input.serves = list(value.serves);
    input.owners = list(value.owners);
    return { line, input };
  });
}

/**
 * Reads an action-plan file (CSV or YAML) and checks every row. Any bad row
 * means nothing is imported: each problem comes back with its line.
 */
export function readActionFile(
  fileName: string,
  text: string,
  check: (input: ItemInput) => ReturnType<typeof checkItem>,
): ImportResult {
  const parsed = /\.ya?ml$/i.test(fileName) ? rowsFromYaml(text) : rowsFromCsv(text);
  if (parsed.length > 0 && 'key' in (parsed[0] as object))
    return { ok: false, rows: 0, problems: parsed as ImportProblem[] };
  const rows = parsed as { line: number; input: ItemInput }[];
  const problems: ImportProblem[] = [];
  const good: { line: number; fields: ItemFields }[] = [];
  for (const row of rows) {
    const result = check(row.input);
    if (result.fields) good.push({ line: row.line, fields: result.fields });
    problems.push(...result.problems.map((p) => ({ ...p, line: row.line })));
  }
  if (rows.length === 0) problems.push({ line: 1, field: 'file', key: 'noRows', params: {} });
  return problems.length > 0
    ? { ok: false, rows: rows.length, problems }
    : { ok: true, rows: good };
}
