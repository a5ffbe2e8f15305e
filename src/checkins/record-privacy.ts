import { cycleIndex, getCycle } from '../cycles/repository.ts';
import type { PersonalData } from '../shared/personal-data.ts';
import type { Answer, Rating, Review } from './answer.ts';
import { getRecord, updateRecord, type DepartmentRecord } from './record-repository.ts';

/** The store the department records are kept in. */
type RecordStore = Parameters<typeof updateRecord>[0];

type Where = { cycle: string; department: string };

/** The department records' share of what is kept about a person. */
export interface RecordsData {
  answers: (Where & {
    question: string;
    answer: Omit<Answer, 'history'>;
    earlierVersions: Omit<Answer, 'history'>[];
  })[];
  ratings: (Where & { keyFactor: string; rating: Omit<Rating, 'history'> })[];
  skips: (Where & { keyFactor: string; reason: string; at: string })[];
  handOvers: (Where & { keyFactor: string; role: 'from' | 'to'; at: string })[];
  /** Verdicts the person gave as a peer reviewer, with their comments. */
  reviews?: (Where & { question: string; review: Review })[];
}

/** Who an erased reviewer's verdicts are attributed to from now on. */
export const reviewerAttribution = 'reviewer';

/** Who an erased person's work is attributed to from now on. */
export const departmentAttribution = (department: string): string => `department:${department}`;

const withoutHistory = <T extends { history: unknown }>(value: T): Omit<T, 'history'> => {
  const { history: _history, ...rest } = value;
  void _history;
  return rest;
};

/** What one record holds of a person, added to `data`. */
function exportFromRecord(record: DepartmentRecord, person: string, data: RecordsData): void {
  const where = { cycle: record.cycle, department: record.department };
  for (const [question, answer] of Object.entries(record.answers)) {
    const mine = answer.history.filter((h) => h.by === person);
    if (answer.by === person || mine.length > 0) {
      data.answers.push({
        ...where,
        question,
        answer: withoutHistory(answer),
        earlierVersions: mine,
      });
    }
  }
  for (const [question, answer] of Object.entries(record.answers)) {
    const verdicts = [...answer.history, answer].map((a) => a.review);
    for (const review of verdicts.filter((r) => r?.by === person))
      if (review) (data.reviews ??= []).push({ ...where, question, review });
  }
  for (const [keyFactor, rating] of Object.entries(record.ratings)) {
    if (rating.by === person)
      data.ratings.push({ ...where, keyFactor, rating: withoutHistory(rating) });
  }
  for (const [keyFactor, skip] of Object.entries(record.skips)) {
    if (skip.by === person)
      data.skips.push({ ...where, keyFactor, reason: skip.reason, at: skip.at });
  }
  for (const [keyFactor, handOver] of Object.entries(record.handOvers)) {
    if (handOver.by === person)
      data.handOvers.push({ ...where, keyFactor, role: 'from', at: handOver.at });
    if (handOver.to === person)
      data.handOvers.push({ ...where, keyFactor, role: 'to', at: handOver.at });
  }
}

/** Replaces a person in one department record; answers keep their content for the benchmark. */
export function eraseInRecord(record: DepartmentRecord, person: string): boolean {
  const as = departmentAttribution(record.department);
  let changed = false;
  const swap = <T extends { by: string }>(value: T): T => {
    if (value.by !== person) return value;
    changed = true;
    return { ...value, by: as };
  };
  // A reviewer's verdicts stay, as a reviewer's; their comment is kept for the benchmark too.
  const unreview = <T extends { review?: Review }>(value: T): T => {
    if (value.review?.by !== person) return value;
    changed = true;
    return { ...value, review: { ...value.review, by: reviewerAttribution } };
  };
  for (const [question, answer] of Object.entries(record.answers)) {
    record.answers[question] = unreview({
      ...swap(answer),
      history: answer.history.map((h) => unreview(swap(h))),
    });
  }
  for (const [keyFactor, rating] of Object.entries(record.ratings)) {
    record.ratings[keyFactor] = { ...swap(rating), history: rating.history.map(swap) };
  }
  for (const [keyFactor, skip] of Object.entries(record.skips))
    record.skips[keyFactor] = swap(skip);
  for (const [keyFactor, stamp] of Object.entries(record.started))
    record.started[keyFactor] = swap(stamp);
  for (const [keyFactor, handOver] of Object.entries(record.handOvers)) {
    const next = swap(handOver);
    record.handOvers[keyFactor] = next.to === person ? { ...next, to: as } : next;
    if (next.to === person) changed = true;
  }
  for (const [key, prompts] of Object.entries(record.prompts)) {
    const kept = prompts.filter((p) => p.person !== person);
    if (kept.length !== prompts.length) {
      record.prompts[key] = kept;
      changed = true;
    }
  }
  return changed;
}

/** Every department of every cycle, as the cycles froze them. */
async function everyDepartment(store: RecordStore): Promise<Where[]> {
  const found: Where[] = [];
  for (const cycle of (await cycleIndex(store)).ids) {
    for (const department of (await getCycle(store, cycle))?.departments ?? [])
      found.push({ cycle, department: department.id });
  }
  return found;
}

/** Answers, ratings, skips and hand-overs; erasure attributes them to the department. */
export function recordsPersonalData(store: RecordStore): PersonalData<RecordsData> {
  return {
    name: 'records',
    async export({ person }) {
      const data: RecordsData = { answers: [], ratings: [], skips: [], handOvers: [] };
      for (const { cycle, department } of await everyDepartment(store))
        exportFromRecord(await getRecord(store, cycle, department), person, data);
      return data;
    },
    async erase({ person }) {
      let changed = 0;
      for (const { cycle, department } of await everyDepartment(store)) {
        const { result } = await updateRecord(store, cycle, department, (record) =>
          eraseInRecord(record, person),
        );
        if (result) changed++;
      }
      return changed;
    },
  };
}

/**
 * Retention: personal data in cycles closed before `cutoff` is anonymised;
 * answers stay, attributed to their departments. Answers how many people
 * were taken out of a record, summed over the records.
 */
export async function anonymiseRecordsClosedBefore(
  store: RecordStore,
  cutoff: string,
): Promise<number> {
  let anonymised = 0;
  for (const id of (await cycleIndex(store)).ids) {
    const cycle = await getCycle(store, id);
    if (!cycle?.closedAt || cycle.closedAt >= cutoff) continue;
    for (const department of cycle.departments) {
      await updateRecord(store, id, department.id, (record) => {
        const people = new Set<string>();
        for (const answer of Object.values(record.answers))
          [answer, ...answer.history].forEach((a) => people.add(a.by));
        for (const rating of Object.values(record.ratings))
          [rating, ...rating.history].forEach((r) => people.add(r.by));
        for (const skip of Object.values(record.skips)) people.add(skip.by);
        for (const stamp of Object.values(record.started)) people.add(stamp.by);
        for (const handOver of Object.values(record.handOvers))
          [handOver.by, handOver.to].forEach((p) => people.add(p));
        for (const person of people) {
          if (!person.startsWith('department:') && eraseInRecord(record, person)) anonymised++;
        }
        record.prompts = {};
      });
    }
  }
  return anonymised;
}
