import { readFileSync } from 'node:fs';
import { isAlias, isMap, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { ErrorCode, TasaError } from '../shared/errors.ts';
import { slugify } from './rules.ts';
import { configSchema, type OrganizationConfig } from './schema.ts';
import { problemsFromIssues, type ConfigProblem } from './problems.ts';
import { decodeUtf8 } from './text.ts';

export type ConfigResult =
  { ok: true; config: OrganizationConfig } | { ok: false; problems: ConfigProblem[] };

/** The line of the deepest YAML node on the problem's path. */
function lineOf(
  doc: Document,
  counter: LineCounter,
  path: ConfigProblem['path'],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    // A key that has no value node (e.g. `id:` left empty) still has a line.
    const parent: unknown = depth > 0 ? doc.getIn(path.slice(0, depth - 1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isNode(item.key) && String(item.key) === String(path[depth - 1]),
      );
      if (pair && isNode(pair.key) && pair.key.range)
        return counter.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}

/** How many nodes aliases may expand to in all: reuse of a person or two, never a "billion laughs". */
const maxAliasCount = 100;

/** The line of each alias (`*name`), in file order. */
function aliasLines(doc: Document, counter: LineCounter): number[] {
  const lines: number[] = [];
  visit(doc, {
    Alias(_key, alias) {
      if (alias.range) lines.push(counter.linePos(alias.range[0]).line);
    },
  });
  return lines;
}

/** Aliases with no anchor before them; the YAML library would throw on them. */
function aliasProblems(doc: Document, counter: LineCounter): ConfigProblem[] {
  const anchors = new Set<string>();
  const problems: ConfigProblem[] = [];
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    if (node.anchor) anchors.add(node.anchor);
    if (isAlias(node) && !anchors.has(node.source)) {
      problems.push({
        path: [],
        key: 'unknownAlias',
        params: { alias: node.source },
        ...(node.range ? { line: counter.linePos(node.range[0]).line } : {}),
      });
    }
  });
  return problems;
}

/** Validates config text (YAML). Never throws for bad input: every problem is returned. */
export function parseConfig(source: string): ConfigResult {
  const counter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        path: [],
        line: counter.linePos(error.pos[0]).line,
        key: 'yaml',
        params: { detail: error.message.split('\n')[0] ?? error.code },
      })),
    };
  }
  const aliases = aliasProblems(doc, counter);
  if (aliases.length > 0) return { ok: false, problems: aliases };
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount });
  } catch {
    // The aliases all resolve, so only their expansion can fail: a "billion laughs" file.
    const line = aliasLines(doc, counter)[0];
    return {
      ok: false,
      problems: [{ path: [], key: 'tooManyAliases', params: {}, ...(line ? { line } : {}) }],
    };
  }
  if (input === null || input === undefined) {
    return { ok: false, problems: [{ path: [], key: 'emptyFile', params: {} }] };
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues, input).map((problem) => {
      const line = lineOf(doc, counter, problem.path);
      return line === undefined ? problem : { ...problem, line };
    });
    return { ok: false, problems };
  }
  const data = parsed.data;
  return {
    ok: true,
    config: {
      ...data,
      organization: {
        ...data.organization,
        id: data.organization.id ?? slugify(data.organization.name),
      },
      frameworks: data.frameworks as OrganizationConfig['frameworks'],
    },
  };
}

/** Reads and validates a config file; unreadable files are coded errors. */
export function loadConfigFile(path: string): ConfigResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? ErrorCode.ConfigNotFound
        : ErrorCode.ConfigUnreadable;
    throw new TasaError(code, `cannot read config file ${path}`, { path }, { cause: error });
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return { ok: false, problems: [{ path: [], line: decoded.line, key: 'notUtf8', params: {} }] };
  }
  return parseConfig(decoded.text);
}
