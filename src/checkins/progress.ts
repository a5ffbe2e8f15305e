import type { Cycle, FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import type { Directory } from '../people/directory.ts';
import type { DepartmentProgress } from './summary.ts';

/** A key factor a person is asked on behalf of a department. */
export interface Assignment {
  department: string;
  keyFactor: FrozenKeyFactor;
}

export type Step =
  | { kind: 'intro'; department: string; keyFactor: FrozenKeyFactor }
  | { kind: 'question'; department: string; keyFactor: FrozenKeyFactor; question: FrozenQuestion }
  | { kind: 'rating'; department: string; keyFactor: FrozenKeyFactor };

/** Department records, or their summaries: progress needs no more than a summary holds. */
export type Records = ReadonlyMap<string, DepartmentProgress>;

/** Who answers a key factor: the colleague it was handed to, else every contact of the department. */
export function isAssignee(
  record: DepartmentProgress | undefined,
  department: string,
  keyFactor: string,
  person: string,
  directory: Directory,
): boolean {
  const handOver = record?.handOvers[keyFactor];
  return handOver ? handOver.to === person : directory.contactsOf(department).includes(person);
}

export function assignmentsOf(
  cycle: Cycle,
  records: Records,
  person: string,
  directory: Directory,
): Assignment[] {
  return cycle.departments.flatMap((department) =>
    cycle.keyFactors
      .filter((kf) => department.keyFactors.includes(kf.id))
      .filter((kf) =>
        isAssignee(records.get(department.id), department.id, kf.id, person, directory),
      )
      .map((keyFactor) => ({ department: department.id, keyFactor })),
  );
}

export const unanswered = (
  record: DepartmentProgress | undefined,
  keyFactor: FrozenKeyFactor,
): FrozenQuestion[] => keyFactor.questions.filter((q) => record?.answers[q.id] === undefined);

/** Done: skipped, or every question answered and the key factor rated. */
export function isComplete(
  record: DepartmentProgress | undefined,
  keyFactor: FrozenKeyFactor,
): boolean {
  if (record?.skips[keyFactor.id]) return true;
  return unanswered(record, keyFactor).length === 0 && record?.ratings[keyFactor.id] !== undefined;
}

/** What to ask next for one department's key factor, or undefined when it is done. */
export function stepFor(
  record: DepartmentProgress | undefined,
  department: string,
  keyFactor: FrozenKeyFactor,
): Step | undefined {
  if (isComplete(record, keyFactor)) return undefined;
  if (!record?.started[keyFactor.id]) return { kind: 'intro', department, keyFactor };
  const question = unanswered(record, keyFactor)[0];
  if (question) return { kind: 'question', department, keyFactor, question };
  return { kind: 'rating', department, keyFactor };
}

/** The person's next step across all their departments and key factors, in catalogue order. */
export function nextStep(
  cycle: Cycle,
  records: Records,
  person: string,
  directory: Directory,
): Step | undefined {
  for (const { department, keyFactor } of assignmentsOf(cycle, records, person, directory)) {
    const step = stepFor(records.get(department), department, keyFactor);
    if (step) return step;
  }
  return undefined;
}

/** Open questions (and unrated key factors) a person still has. */
export function openWork(cycle: Cycle, records: Records, person: string, directory: Directory) {
  return assignmentsOf(cycle, records, person, directory)
    .filter(({ department, keyFactor }) => !isComplete(records.get(department), keyFactor))
    .map(({ department, keyFactor }) => ({
      department,
      keyFactor,
      questions: unanswered(records.get(department), keyFactor),
    }));
}

/**
 * Everyone with open work in the cycle, in the order contacts and hand-overs
 * appear. One pass over departments × their key factors: asking openWork
 * person by person would walk them all once per person.
 */
export function peopleWithOpenWorkIn(
  cycle: Cycle,
  records: Records,
  directory: Directory,
): string[] {
  const keyFactors = new Map(cycle.keyFactors.map((kf) => [kf.id, kf]));
  const candidates = new Set<string>();
  const busy = new Set<string>();
  for (const department of cycle.departments) {
    const record = records.get(department.id);
    const contacts = directory.contactsOf(department.id);
    for (const person of contacts) candidates.add(person);
    for (const handOver of Object.values(record?.handOvers ?? {})) candidates.add(handOver.to);
    let contactsBusy = false;
    for (const id of department.keyFactors) {
      const keyFactor = keyFactors.get(id);
      if (!keyFactor || isComplete(record, keyFactor)) continue;
      const handOver = record?.handOvers[id];
      if (handOver) busy.add(handOver.to);
      else contactsBusy = true;
    }
    if (contactsBusy) for (const person of contacts) busy.add(person);
  }
  return [...candidates].filter((person) => busy.has(person));
}
