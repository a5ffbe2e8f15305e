import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node,
  type Pair,
} from 'yaml';
import type { InputProblem } from '../checkins/validate.ts';
import { readCsv } from './csv.ts';
import type { Directory } from '../people/directory.ts';
import type { checkItem } from './draft.ts';
import { itemFieldNames, ownerKey, type ItemFields, type ItemInput } from './draft.ts';
import { partnerList } from './form-values.ts';

export interface ImportProblem extends InputProblem {
  line: number;
}

export type ImportResult =
  | { ok: true; rows: { line: number; fields: ItemFields }[] }
  | { ok: false; rows: number; problems: ImportProblem[] };

type Row = { line: number; input: ItemInput };

const columns = [...itemFieldNames, 'status'] as const;
const textFields = [
  'title',
  'description',
  'department',
  'horizon',
  'means',
  'resources',
  'start',
  'due',
  'status',
] as const;
const listFields = ['serves', 'owners', 'partners'] as const;
const isColumn = (name: string): boolean => (columns as readonly string[]).includes(name);
/** Ids and people split at any separator; partners' names have spaces and commas of their own. */
const list = (value: string | string[] | undefined, field: string): string[] =>
  Array.isArray(value)
    ? value
    : field === 'partners'
      ? partnerList(value ?? '')
      : (value ?? '').split(/[;|,\s]+/).filter(Boolean);

function rowsFromCsv(text: string): Row[] | ImportProblem[] {
  const { records, unclosedQuote } = readCsv(text);
  // An open quote reads every later row into one cell; the rows must not be taken for fewer.
  if (unclosedQuote !== undefined)
    return [{ line: unclosedQuote, field: 'file', key: 'unclosedQuote', params: {} }];
  const [header, ...rest] = records;
  if (!header) return [{ line: 1, field: 'file', key: 'emptyFile', params: {} }];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const at = (field: string, key: string, value: string): ImportProblem => ({
    line: header.line,
    field,
    key,
    params: { value, columns: columns.join(', ') },
  });
  const problems = [
    ...names.filter((n) => n !== '' && !isColumn(n)).map((n) => at('header', 'unknownColumn', n)),
    ...names
      .filter((n, i) => n !== '' && names.indexOf(n) !== i)
      .map((n) => at('header', 'duplicateColumn', n)),
    ...['title', 'due', 'owners', 'serves']
      .filter((c) => !names.includes(c))
      .map((c) => at('header', 'missingColumn', c)),
  ];
  // A cell past the last column is a delimiter inside an unquoted text: the columns have shifted.
  for (const record of rest) {
    if (record.fields.slice(names.length).some((f) => f.trim() !== ''))
      problems.push({
        line: record.line,
        field: 'file',
        key: 'extraCells',
        params: { count: record.fields.length, columns: names.length },
      });
  }
  if (problems.length > 0) return problems;
  return rest.map((record) => {
    const get = (name: string): string | undefined => {
      const index = names.indexOf(name);
      return index < 0 ? undefined : record.fields[index];
    };
    const input: ItemInput = {};
    for (const name of textFields) {
      const value = get(name);
      if (value !== undefined) input[name] = value;
    }
    for (const name of listFields) input[name] = list(get(name), name);
    return { line: record.line, input };
  });
}

/** A YAML value read as text: strings only, so `title: 1.0` or `due: [a]` are refused, not turned into "1" or "a". */
function yamlText(node: unknown): string | undefined | null {
  if (node === null || (isScalar(node) && node.value === null)) return undefined;
  return isScalar(node) && typeof node.value === 'string' ? node.value : null;
}

function yamlList(node: unknown): string | string[] | undefined | null {
  if (!isSeq(node)) return yamlText(node);
  const texts = node.items.map(yamlText);
  return texts.every((text) => typeof text === 'string') ? texts : null;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function rowFromYaml(
  node: unknown,
  item: number,
  lineOf: (node: unknown) => number,
): Row | ImportProblem[] {
  const line = lineOf(node);
  if (!isMap(node)) return [{ line, field: 'file', key: 'yamlNotMap', params: { item } }];
  const input: ItemInput = {};
  const problems: ImportProblem[] = [];
  for (const pair of node.items) {
    const key = keyOf(pair);
    const at = { line: lineOf(pair.key), field: key };
    if ((textFields as readonly string[]).includes(key)) {
      const text = yamlText(pair.value);
      if (text === null) problems.push({ ...at, key: 'notText', params: { value: key } });
      else if (text !== undefined) input[key as (typeof textFields)[number]] = text;
    } else if ((listFields as readonly string[]).includes(key)) {
      const value = yamlList(pair.value);
      if (value === null) problems.push({ ...at, key: 'notTextList', params: { value: key } });
      else input[key as (typeof listFields)[number]] = list(value, key);
    } else {
      problems.push({
        ...at,
        key: 'unknownKey',
        params: { value: key, item, columns: columns.join(', ') },
      });
    }
  }
  return problems.length > 0 ? problems : { line, input };
}

function rowsFromYaml(text: string): Row[] | ImportProblem[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      line: counter.linePos(e.pos[0]).line,
      field: 'file',
      key: 'badYaml',
      params: { detail: e.message.split('\n')[0] ?? '' },
    }));
  }
  const lineOf = (node: unknown): number => {
    const range = (node as Partial<Node> | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  // An action file has no use for aliases; refusing them refuses a "billion laughs" too.
  const aliases: ImportProblem[] = [];
  visit(doc, {
    Alias(_key, alias) {
      aliases.push({
        line: lineOf(alias),
        field: 'file',
        key: 'yamlAlias',
        params: { value: alias.source },
      });
    },
  });
  if (aliases.length > 0) return aliases;
  const root = doc.contents;
  const seq = isMap(root) ? root.get('actions', true) : root;
  if (!isSeq(seq)) return [{ line: 1, field: 'file', key: 'yamlNotList', params: {} }];
  const problems: ImportProblem[] = isMap(root)
    ? root.items
        .filter((pair) => keyOf(pair) !== 'actions')
        .map((pair) => ({
          line: lineOf(pair.key),
          field: 'file',
          key: 'unknownRootKey',
          params: { value: keyOf(pair) },
        }))
    : [];
  const rows: Row[] = [];
  seq.items.forEach((node, i) => {
    const row = rowFromYaml(node, i + 1, lineOf);
    if (Array.isArray(row)) problems.push(...row);
    else rows.push(row);
  });
  return problems.length > 0 ? problems : rows;
}

/** What an import checks each row with: the item rules, and who the config knows. */
export interface ImportChecks {
  check: (input: ItemInput) => ReturnType<typeof checkItem>;
  directory: Directory;
}

/** A person written as an owner whom the config names neither as a coordinator nor a contact. */
function isStranger(directory: Directory, written: string): boolean {
  const key = ownerKey(directory, written);
  // An owner that cannot be read at all is reported by the item rules as such.
  if (key === undefined) return false;
  return !directory.isCoordinator(key) && directory.departmentsOf(key).length === 0;
}

/**
 * Reads an action-plan file (CSV or YAML) and checks every row. Any bad row
 * means nothing is imported: each problem comes back with its line.
 */
export function readActionFile(fileName: string, text: string, checks: ImportChecks): ImportResult {
  const parsed = /\.ya?ml$/i.test(fileName) ? rowsFromYaml(text) : rowsFromCsv(text);
  if (parsed.length > 0 && 'key' in (parsed[0] as object))
    return { ok: false, rows: 0, problems: parsed as ImportProblem[] };
  const rows = parsed as Row[];
  const problems: ImportProblem[] = [];
  const good: { line: number; fields: ItemFields }[] = [];
  for (const row of rows) {
    const result = checks.check(row.input);
    problems.push(...result.problems.map((p) => ({ ...p, line: row.line })));
    // A file is written away from the chat: an owner Tasa does not know would never hear of the item.
    const strangers = (row.input.owners ?? []).filter((o) => isStranger(checks.directory, o));
    for (const value of strangers) {
      problems.push({
        line: row.line,
        field: 'owners',
        key: 'ownerNotConfigured',
        params: { value },
      });
    }
    if (result.fields && strangers.length === 0)
      good.push({ line: row.line, fields: result.fields });
  }
  if (rows.length === 0) problems.push({ line: 1, field: 'file', key: 'noRows', params: {} });
  return problems.length > 0
    ? { ok: false, rows: rows.length, problems }
    : { ok: true, rows: good };
}

/**
 * The message key of an import problem: the text limits are shared with
 * check-ins, and their message lives there.
 */
export const problemMessageKey = (key: string): string =>
  key === 'textTooLong' ? `checkins:input.${key}` : `actions:input.${key}`;
