/**
 * The yardstick for the roll-up: the same counts computed by one plain SQL
 * query over the same rows of the same SQLite file, with SQLite's own JSON
 * functions. It is what a hand-written report query would cost, so "the
 * roll-up within 3× of it" means the store and the TypeScript around it add
 * little on top of reading the data.
 *
 * It goes through node:sqlite (the driver the store uses), on a second
 * connection to the file, so both sides pay the same driver.
 */
import { DatabaseSync } from 'node:sqlite';
import { answerStatuses, keyFactorRatings } from '../../src/checkins/answer.ts';
import type { CycleStatus } from '../../src/checkins/status.ts';
import { recordKey } from '../../src/checkins/record-repository.ts';
import type { Cycle } from '../../src/cycles/cycle.ts';
import { addDays } from '../../src/shared/dates.ts';
import type { RollupData } from '../../src/reports/rollup.ts';

export interface SqlCounts {
  departments: Map<string, { answered: number; total: number }>;
  /** key factor → answer status → count */
  statuses: Map<string, Map<string, number>>;
  /** key factor → rating → count */
  ratings: Map<string, Map<string, number>>;
  overdue: number;
  dueThisWeek: number;
}

/*
 * Rows are keyv's: key `tasa:<namespace>:<key>`, value the JSON text
 * {"value": …, "expires": null}. Key ranges ("> prefix" and "< prefix with its
 * last ':' bumped to ';'") use the primary key's index where LIKE would not.
 *
 * `asked` is the roll-up's rule for what counts: each department's key
 * factors from the cycle's frozen scope, less the ones it skipped. The CTEs
 * used more than once are MATERIALIZED so json_each runs once per record, and
 * per-department counts are grouped once and joined (a correlated count per
 * department was the slow way), as anyone tuning this query would do.
 */
const query = `
WITH
cycle AS (SELECT value AS v FROM keyv WHERE key = $cycleKey),
questions AS MATERIALIZED (
  SELECT kf.value ->> '$.id' AS keyFactor, json_array_length(kf.value, '$.questions') AS n
  FROM cycle, json_each(cycle.v, '$.value.keyFactors') AS kf
),
records AS (
  SELECT substr(key, $prefixLength + 1) AS department, value AS v
  FROM keyv WHERE key > $recordFrom AND key < $recordTo
),
asked AS MATERIALIZED (
  SELECT d.value ->> '$.id' AS department, k.value AS keyFactor
  FROM cycle, json_each(cycle.v, '$.value.departments') AS d, json_each(d.value, '$.keyFactors') AS k
  EXCEPT
  SELECT r.department, s.key FROM records AS r, json_each(r.v, '$.value.skips') AS s
),
answers AS MATERIALIZED (
  SELECT r.department, substr(x.key, 1, instr(x.key, '.') - 1) AS keyFactor, x.value ->> '$.status' AS status
  FROM records AS r, json_each(r.v, '$.value.answers') AS x
),
counted AS MATERIALIZED (
  SELECT * FROM answers WHERE (department, keyFactor) IN (SELECT department, keyFactor FROM asked)
),
answered AS (SELECT department, count(*) AS n FROM counted GROUP BY department),
totals AS (
  SELECT a.department, sum(q.n) AS total FROM asked AS a JOIN questions AS q ON q.keyFactor = a.keyFactor
  GROUP BY a.department
),
items AS MATERIALIZED (
  SELECT value ->> '$.value.status' AS status, value ->> '$.value.due' AS due
  FROM keyv WHERE key > $actionFrom AND key < $actionTo
)
SELECT 'department' AS kind, t.department AS name, NULL AS what, coalesce(a.n, 0) AS n, t.total AS total
  FROM totals AS t LEFT JOIN answered AS a ON a.department = t.department
UNION ALL
SELECT 'status', keyFactor, status, count(*), NULL FROM counted GROUP BY keyFactor, status
UNION ALL
SELECT 'rating', r.keyFactor, r.rating, count(*), NULL FROM (
  SELECT rec.department, g.key AS keyFactor, g.value ->> '$.rating' AS rating
  FROM records AS rec, json_each(rec.v, '$.value.ratings') AS g
) AS r WHERE (r.department, r.keyFactor) IN (SELECT department, keyFactor FROM asked)
  GROUP BY r.keyFactor, r.rating
UNION ALL
SELECT 'items', 'overdue', NULL, count(*), NULL FROM items
  WHERE status IN ('planned', 'in_progress') AND due < $today
UNION ALL
SELECT 'items', 'dueThisWeek', NULL, count(*), NULL FROM items
  WHERE status IN ('planned', 'in_progress') AND due >= $today AND due <= $weekEnd
`;

/** A type, not an interface, so that node:sqlite's row records convert to it. */
type Row = {
  kind: 'department' | 'status' | 'rating' | 'items';
  name: string;
  what: string | null;
  n: number;
  total: number | null;
};

export interface SqlAggregation {
  run(): Promise<SqlCounts>;
  close(): Promise<void>;
}

/** Opens a second connection to the store's file and prepares the parameters for one cycle and day. */
export function sqlAggregation(
  file: string,
  namespace: string,
  cycle: Cycle,
  today: string,
): SqlAggregation {
  const db = new DatabaseSync(file, { timeout: 10_000 });
  const statement = db.prepare(query);
  const prefix = `tasa:${namespace}:`;
  const recordPrefix = prefix + recordKey(cycle.id, '');
  const actionPrefix = `${prefix}action:`;
  const upper = (p: string): string => `${p.slice(0, -1)};`;
  const params = {
    $cycleKey: `${prefix}cycle:${cycle.id}`,
    $prefixLength: recordPrefix.length,
    $recordFrom: recordPrefix,
    $recordTo: upper(recordPrefix),
    $actionFrom: actionPrefix,
    $actionTo: upper(actionPrefix),
    $today: today,
    $weekEnd: addDays(today, 6),
  };
  return {
    async run() {
      const rows = statement.all(params) as Row[];
      const counts: SqlCounts = {
        departments: new Map(),
        statuses: new Map(),
        ratings: new Map(),
        overdue: 0,
        dueThisWeek: 0,
      };
      const add = (into: Map<string, Map<string, number>>, row: Row) => {
        const byWhat = into.get(row.name) ?? new Map<string, number>();
        byWhat.set(row.what ?? '', row.n);
        into.set(row.name, byWhat);
      };
      for (const row of rows) {
        if (row.kind === 'department')
          counts.departments.set(row.name, { answered: row.n, total: row.total ?? 0 });
        else if (row.kind === 'status') add(counts.statuses, row);
        else if (row.kind === 'rating') add(counts.ratings, row);
        else if (row.name === 'overdue') counts.overdue = row.n;
        else counts.dueThisWeek = row.n;
      }
      return counts;
    },
    close: async () => db.close(),
  };
}

/**
 * Where the SQL and the roll-up disagree (empty when they agree), so the
 * ratio compares two computations of the same numbers.
 */
export function disagreements(sql: SqlCounts, status: CycleStatus, rollup: RollupData): string[] {
  const found: string[] = [];
  for (const d of status.departments) {
    const s = sql.departments.get(d.department);
    if (!s || s.answered !== d.answered || s.total !== d.total)
      found.push(
        `${d.department}: roll-up ${d.answered}/${d.total}, SQL ${s?.answered}/${s?.total}`,
      );
  }
  for (const k of status.keyFactors) {
    for (const name of answerStatuses) {
      const s = sql.statuses.get(k.keyFactor)?.get(name) ?? 0;
      if (s !== k.statuses[name])
        found.push(`${k.keyFactor} ${name}: roll-up ${k.statuses[name]}, SQL ${s}`);
    }
    for (const name of keyFactorRatings) {
      const s = sql.ratings.get(k.keyFactor)?.get(name) ?? 0;
      if (s !== k.ratings[name])
        found.push(`${k.keyFactor} ${name}: roll-up ${k.ratings[name]}, SQL ${s}`);
    }
  }
  if (sql.overdue !== rollup.overdue.length)
    found.push(`overdue: roll-up ${rollup.overdue.length}, SQL ${sql.overdue}`);
  if (sql.dueThisWeek !== rollup.dueThisWeek.length)
    found.push(`due this week: roll-up ${rollup.dueThisWeek.length}, SQL ${sql.dueThisWeek}`);
  return found;
}
