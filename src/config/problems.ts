import type { z } from 'zod';
import type { Translator } from '../i18n/create.ts';

type PathSegment = string | number;

/**
 * One thing wrong with a config file: where (path, and line when known) and
 * what, as a message key in `locales/<lang>/config.json` with its values.
 */
export interface ConfigProblem {
  path: PathSegment[];
  line?: number;
  key: string;
  params: Record<string, string | number>;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Issues of a union's branch whose type matched the input, if any did. */
function matchingBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const branches = 'errors' in issue ? issue.errors : [];
  return branches.find(
    (branch) =>
      branch.length > 0 &&
      !branch.some(
        (inner) =>
          inner.path.length === 0 &&
          (inner.code === 'invalid_type' || inner.code === 'invalid_value'),
      ),
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const samePlace = (a: readonly PathSegment[], b: readonly PathSegment[]): boolean =>
  a.length === b.length && a.slice(0, -1).every((segment, i) => segment === b[i]);

/**
 * A typo shows up twice (an unknown key and a missing one); say it once, as
 * a suggestion: `unknown key “timzone”; did you mean “timezone”?`.
 */
function mergeTypos(problems: ConfigProblem[]): ConfigProblem[] {
  const absorbed = new Set<ConfigProblem>();
  const merged = problems.map((problem) => {
    if (problem.key !== 'unknownKey') return problem;
    const key = String(problem.params.key);
    const missing = problems.find(
      (other) =>
        other.key === 'missing' &&
        !absorbed.has(other) &&
        samePlace(other.path, problem.path) &&
        editDistance(String(other.path.at(-1)).toLowerCase(), key.toLowerCase()) <= 2,
    );
    if (!missing) return problem;
    absorbed.add(missing);
    return {
      ...problem,
      key: 'unknownKeyDidYouMean',
      params: { key, suggestion: String(missing.path.at(-1)) },
    };
  });
  return merged.filter((problem) => !absorbed.has(problem));
}

/** Turns zod issues into problems a person can act on. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: PathSegment[] = [],
): ConfigProblem[] {
  return mergeTypos(closestBounds(rawProblems(issues, input, base)));
}

/** Message keys for a bound, by what was measured: a list's entries, a text's length, a number. */
const boundKeys = {
  minimum: { array: 'tooFewItems', string: 'empty', number: 'atLeast', exclusive: 'moreThan' },
  maximum: { array: 'tooManyItems', string: 'tooLong', number: 'atMost', exclusive: 'lessThan' },
} as const;

const numberBounds = new Set(['atLeast', 'moreThan', 'atMost', 'lessThan']);

function sizeProblem(
  path: PathSegment[],
  origin: string,
  bound: 'minimum' | 'maximum',
  limit: number,
  value: unknown,
  issue: { inclusive?: boolean },
): ConfigProblem {
  const keys = boundKeys[bound];
  if (origin === 'array') return { path, key: keys.array, params: { [bound]: limit } };
  if (origin === 'string') return { path, key: keys.string, params: { [bound]: limit } };
  const key = issue.inclusive === false ? keys.exclusive : keys.number;
  return { path, key, params: { [bound]: limit, value: String(value) } };
}

/**
 * A number out of range can break several bounds at once (1e308 is above both
 * 72 and the largest safe integer); the closest bound is the one to tell.
 */
function closestBounds(problems: ConfigProblem[]): ConfigProblem[] {
  const boundOf = (p: ConfigProblem) => ('minimum' in p.params ? 'minimum' : 'maximum');
  const placeOf = (p: ConfigProblem) => `${formatPath(p.path)} ${boundOf(p)}`;
  const closest = new Map<string, ConfigProblem>();
  for (const problem of problems) {
    if (!numberBounds.has(problem.key)) continue;
    const bound = boundOf(problem);
    const limit = Number(problem.params[bound]);
    const other = closest.get(placeOf(problem));
    const otherLimit = Number(other?.params[bound]);
    if (!other || (bound === 'minimum' ? limit > otherLimit : limit < otherLimit))
      closest.set(placeOf(problem), problem);
  }
  return problems.filter((p) => !numberBounds.has(p.key) || closest.get(placeOf(p)) === p);
}

function rawProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  base: PathSegment[] = [],
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    const path = [...base, ...(issue.path as PathSegment[])];
    const value = valueAt(input, path);
    switch (issue.code) {
      case 'invalid_type':
        if (value === undefined) return [{ path, key: 'missing', params: {} }];
        // YAML reads .nan, .inf and 1.5 as numbers: say what is wrong with the number.
        if (typeof value === 'number' && !Number.isFinite(value))
          return [{ path, key: 'notFinite', params: { value: String(value) } }];
        if (typeof value === 'number' && issue.expected === 'int')
          return [{ path, key: 'notWhole', params: { value: String(value) } }];
        return [
          {
            path,
            key: 'invalidType',
            params: { expected: issue.expected, received: kindOf(value) },
          },
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          path: [...path, key],
          key: 'unknownKey',
          params: { key },
        }));
      case 'invalid_value':
        return [
          {
            path,
            key: 'oneOf',
            params: { values: issue.values.map(String).join(', '), value: String(value) },
          },
        ];
      case 'too_small':
        return [sizeProblem(path, issue.origin, 'minimum', Number(issue.minimum), value, issue)];
      case 'too_big':
        return [sizeProblem(path, issue.origin, 'maximum', Number(issue.maximum), value, issue)];
      case 'invalid_union': {
        const branch = matchingBranch(issue);
        if (branch) return rawProblems(branch, input, path);
        const last = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
        return [{ path, key: `unions.${last}`, params: { received: kindOf(value) } }];
      }
      case 'custom': {
        const params = (issue.params ?? {}) as Record<string, string | number>;
        const { tasa, ...rest } = params;
        return [
          {
            path,
            key: typeof tasa === 'string' ? tasa : 'invalidValue',
            params: { value: String(value), ...rest },
          },
        ];
      }
      default:
        return [{ path, key: 'invalidValue', params: { value: String(value) } }];
    }
  });
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    '',
  );
}

/** `departments[2].contacts[0].slack: expected a Slack user id such as U012AB3CD (line 14)` */
export function formatProblem(t: Translator, problem: ConfigProblem): string {
  const where = formatPath(problem.path) || t('config:root');
  const params: Record<string, string | number> = { ...problem.params };
  for (const name of ['expected', 'received'] as const) {
    const kind = params[name];
    if (typeof kind === 'string') params[name] = t(`config:types.${kind}`, { defaultValue: kind });
  }
  const message = t(`config:errors.${problem.key}`, params);
  const line = problem.line === undefined ? '' : ` ${t('config:atLine', { line: problem.line })}`;
  return `${where}: ${message}${line}`;
}
