import { isOpenItem, type ActionItem } from '../action-plans/item.ts';
import { keyFactorRatings, type KeyFactorRating } from '../checkins/answer.ts';
import { cycleRecords, statusOf, type CycleStatus } from '../checkins/status.ts';
import { cycleScores, type CycleScores } from '../checkins/score.ts';
import { departmentSummaries } from '../checkins/summary-repository.ts';
import type { DepartmentProgress } from '../checkins/summary.ts';
import type { Cycle } from '../cycles/cycle.ts';
import type { Store } from '../store/store.ts';
import { evidenceSince } from './rollup.ts';
import { addDays, daysBetween } from '../shared/dates.ts';
import { keepWeekSnapshot, weekSnapshot } from './report-repository.ts';

/** The numbers of one week, kept so that next week's digest can say what changed. */
export interface Snapshot {
  week: string;
  cycle: string;
  answered: number;
  total: number;
  complete: number;
  done: number;
}

export interface DigestData {
  cycle: Cycle;
  today: string;
  status: CycleStatus;
  now: Snapshot;
  lastWeek?: Snapshot;
  previous?: { cycle: Cycle; status: CycleStatus; achieved: number; scores: CycleScores };
  achieved: number;
  /** Scores from the answers, beside the ratings (see checkins/score.ts). */
  scores: CycleScores;
  /** department → key factor → rating, for the heatmap. */
  ratings: Map<string, Map<string, KeyFactorRating | 'skipped'>>;
  openItems: number;
  overdue: ActionItem[];
  deadlines: ActionItem[];
  doneThisWeek: number;
  evidenceThisWeek: number;
  completedThisWeek: string[];
  /** Key factors more departments rate higher than in the previous cycle, with how many. */
  movedUp: { keyFactor: string; count: number }[];
}

const rank = (r: KeyFactorRating | 'skipped' | undefined): number =>
  r && r !== 'skipped' ? keyFactorRatings.indexOf(r) : -1;

function ratingsOf(cycle: Cycle, records: ReadonlyMap<string, DepartmentProgress>) {
  const ratings = new Map<string, Map<string, KeyFactorRating | 'skipped'>>();
  for (const department of cycle.departments) {
    const record = records.get(department.id);
    const row = new Map<string, KeyFactorRating | 'skipped'>();
    for (const kf of department.keyFactors) {
      if (record?.skips[kf]) row.set(kf, 'skipped');
      else if (record?.ratings[kf]) row.set(kf, record.ratings[kf].rating);
    }
    ratings.set(department.id, row);
  }
  return ratings;
}

const achievedCount = (ratings: Map<string, Map<string, KeyFactorRating | 'skipped'>>): number =>
  [...ratings.values()].reduce(
    (n, row) => n + [...row.values()].filter((r) => r === 'achieved').length,
    0,
  );

export async function digestData(
  store: Store,
  cycle: Cycle,
  previousCycle: Cycle | undefined,
  items: readonly ActionItem[],
  today: string,
  week: string,
  lastWeekId: string,
  weekStart: string,
): Promise<DigestData> {
  const records = await cycleRecords(store, cycle);
  const ratings = ratingsOf(cycle, records);
  const status = statusOf(cycle, records);
  const complete = status.departments
    .filter((d) => d.answered === d.total && d.rated + d.skipped.length >= d.keyFactors)
    .map((d) => d.department);
  const done = items.filter((i) => i.status === 'done');
  const now: Snapshot = {
    week,
    cycle: cycle.id,
    answered: status.answered,
    total: status.total,
    complete: complete.length,
    done: done.length,
  };
  const lastWeek = await weekSnapshot<Snapshot>(store, lastWeekId);
  let previous: DigestData['previous'];
  const movedUp: DigestData['movedUp'] = [];
  if (previousCycle) {
    // Only counts and ratings of the previous cycle are shown: its summaries are
    // enough, and a tenth of the size of its records.
    const summaries = await departmentSummaries(
      store,
      previousCycle.id,
      previousCycle.departments.map((d) => d.id),
    );
    const before = { ratings: ratingsOf(previousCycle, summaries) };
    previous = {
      cycle: previousCycle,
      status: statusOf(previousCycle, summaries),
      achieved: achievedCount(before.ratings),
      scores: cycleScores(previousCycle, summaries),
    };
    for (const kf of cycle.keyFactors) {
      const count = cycle.departments.filter(
        (d) =>
          rank(ratings.get(d.id)?.get(kf.id)) > rank(before.ratings.get(d.id)?.get(kf.id)) &&
          rank(before.ratings.get(d.id)?.get(kf.id)) >= 0,
      ).length;
      if (count > 0) movedUp.push({ keyFactor: kf.id, count });
    }
    movedUp.sort((a, b) => b.count - a.count);
  }
  const weekStartIso = `${weekStart}T00:00:00`;
  const open = items.filter(isOpenItem);
  return {
    cycle,
    today,
    status,
    now,
    ...(lastWeek ? { lastWeek } : {}),
    ...(previous ? { previous } : {}),
    achieved: achievedCount(ratings),
    scores: cycleScores(cycle, records),
    ratings,
    openItems: open.length,
    overdue: open
      .filter((i) => daysBetween(today, i.due) < 0)
      .sort((a, b) => a.due.localeCompare(b.due)),
    deadlines: open
      .filter((i) => i.due >= today && i.due <= addDays(today, 14))
      .sort((a, b) => a.due.localeCompare(b.due)),
    doneThisWeek: done.filter((i) =>
      i.history.some((h) => h.field === 'status' && h.to === 'done' && h.at >= weekStartIso),
    ).length,
    evidenceThisWeek: evidenceSince(records, weekStartIso).length,
    // Complete now, and answered something this week: they finished this week.
    completedThisWeek: status.departments
      .filter((d) => complete.includes(d.department) && (d.lastAnswerAt ?? '') >= weekStartIso)
      .map((d) => d.department),
    movedUp,
  };
}

/** Keeps this week's numbers; written when the digest is posted. */
export const saveSnapshot = (store: Store, snapshot: Snapshot): Promise<void> =>
  keepWeekSnapshot(store, snapshot);
