import type { Cycle } from '../cycles/cycle.ts';
import type { Directory } from '../people/directory.ts';
import { createHandOverRepository } from '../people/hand-overs-repository.ts';
import type { Store } from '../store/store.ts';
import {
  answerStatuses,
  keyFactorRatings,
  type AnswerStatus,
  type KeyFactorRating,
  type ReviewState,
} from './answer.ts';
import { reviewStates } from '../shared/benchmark.ts';
import { openWork, type Records } from './progress.ts';
import { emptyRecord, getRecords, type DepartmentRecord } from './record-repository.ts';
import { cycleScores } from './score.ts';
import { departmentSummaries } from './summary-repository.ts';

export interface Count {
  answered: number;
  total: number;
  /** Answers by where the peer review left them. */
  reviews: Record<ReviewState, number>;
}

export interface DepartmentStatus extends Count {
  department: string;
  late: number;
  /** Answers confirmed unchanged from an earlier cycle ("still true"). */
  confirmed: number;
  skipped: string[];
  rated: number;
  keyFactors: number;
  /** When anyone of the department last answered (ISO), if ever. */
  lastAnswerAt?: string;
  /** Score 0–100 from the answers (see score.ts); none while nothing is scorable. */
  score?: number;
  /** Its own rating and its score of each key factor, where it has one. */
  ratings: Record<string, KeyFactorRating>;
  scores: Record<string, number>;
}

export interface KeyFactorStatus extends Count {
  keyFactor: string;
  statuses: Record<AnswerStatus, number>;
  ratings: Record<KeyFactorRating, number>;
  skipped: number;
  /** Across departments: the mean of their scores. */
  score?: number;
}

export interface CycleStatus extends Count {
  cycle: string;
  /** Answers confirmed unchanged from an earlier cycle. */
  confirmed: number;
  dueDate: string;
  open: boolean;
  departments: DepartmentStatus[];
  keyFactors: KeyFactorStatus[];
  /** The mean of every department × key factor score. */
  score?: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function cycleRecords(
  store: Store,
  cycle: Cycle,
): Promise<Map<string, DepartmentRecord>> {
  const ids = cycle.departments.map((d) => d.id);
  const records = await getRecords(store, cycle.id, ids);
  return new Map(ids.map((id, i) => [id, records[i] ?? emptyRecord(cycle.id, id)]));
}

/**
 * Progress of a cycle overall, per department and per key factor. Skipped key
 * factors do not count as open. Reads the departments' summaries, not their
 * records: a city's records are megabytes, their summaries a fraction of that.
 */
export async function cycleStatus(store: Store, cycle: Cycle): Promise<CycleStatus> {
  const summaries = await departmentSummaries(
    store,
    cycle.id,
    cycle.departments.map((d) => d.id),
  );
  return statusOf(cycle, summaries);
}

/** The same, from records or summaries already read (a roll-up or digest reads the records once). */
export function statusOf(cycle: Cycle, records: Records): CycleStatus {
  const scores = cycleScores(cycle, records);
  const byKeyFactor = new Map<string, KeyFactorStatus>(
    cycle.keyFactors.map((kf) => [
      kf.id,
      {
        keyFactor: kf.id,
        answered: 0,
        total: 0,
        reviews: zeros(reviewStates),
        statuses: zeros(answerStatuses),
        ratings: zeros(keyFactorRatings),
        skipped: 0,
      },
    ]),
  );
  const departments = cycle.departments.map((department): DepartmentStatus => {
    const record = records.get(department.id);
    const status: DepartmentStatus = {
      department: department.id,
      answered: 0,
      total: 0,
      reviews: zeros(reviewStates),
      late: 0,
      confirmed: 0,
      skipped: [],
      rated: 0,
      keyFactors: department.keyFactors.length,
      ratings: {},
      scores: Object.fromEntries(scores.cells.get(department.id) ?? []),
    };
    const score = scores.departments.get(department.id);
    if (score !== undefined) status.score = score;
    for (const kf of cycle.keyFactors.filter((k) => department.keyFactors.includes(k.id))) {
      const kfStatus = byKeyFactor.get(kf.id);
      if (!kfStatus) continue;
      if (record?.skips[kf.id]) {
        status.skipped.push(kf.id);
        kfStatus.skipped++;
        continue;
      }
      const rating = record?.ratings[kf.id];
      if (rating) {
        status.rated++;
        status.ratings[kf.id] = rating.rating;
        kfStatus.ratings[rating.rating]++;
      }
      for (const question of kf.questions) {
        status.total++;
        kfStatus.total++;
        const answer = record?.answers[question.id];
        if (!answer) continue;
        status.answered++;
        kfStatus.answered++;
        kfStatus.statuses[answer.status]++;
        const review = answer.review?.state ?? 'not_reviewed';
        status.reviews[review]++;
        kfStatus.reviews[review]++;
        if (answer.late) status.late++;
        if (answer.confirmedFrom !== undefined) status.confirmed++;
        if (!status.lastAnswerAt || answer.at > status.lastAnswerAt)
          status.lastAnswerAt = answer.at;
      }
    }
    return status;
  });
  return {
    cycle: cycle.id,
    dueDate: cycle.dueDate,
    open: cycle.closedAt === undefined,
    answered: departments.reduce((n, d) => n + d.answered, 0),
    confirmed: departments.reduce((n, d) => n + d.confirmed, 0),
    total: departments.reduce((n, d) => n + d.total, 0),
    reviews: Object.fromEntries(
      reviewStates.map((s) => [s, departments.reduce((n, d) => n + d.reviews[s], 0)]),
    ) as Record<ReviewState, number>,
    departments,
    keyFactors: [...byKeyFactor.values()]
      .filter((k) => k.total > 0 || k.skipped > 0)
      .map((k) => {
        const score = scores.keyFactors.get(k.keyFactor);
        return score === undefined ? k : { ...k, score };
      }),
    ...(scores.overall === undefined ? {} : { score: scores.overall }),
  };
}

/** "My open questions": what a person still has to answer, by department and key factor. */
export async function myOpenQuestions(
  store: Store,
  directory: Directory,
  cycle: Cycle,
  person: string,
) {
  const handed = await createHandOverRepository(store).handedTo(cycle.id, person);
  const mine = new Set([...directory.departmentsOf(person), ...handed]);
  const summaries = await departmentSummaries(
    store,
    cycle.id,
    cycle.departments.filter((d) => mine.has(d.id)).map((d) => d.id),
  );
  return openWork(cycle, summaries, person, directory).map((w) => ({
    department: w.department,
    keyFactor: w.keyFactor.id,
    questions: w.questions.map((q) => q.id),
    needsRating: w.questions.length === 0,
  }));
}
