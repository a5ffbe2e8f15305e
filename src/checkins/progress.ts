import type { Cycle, FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import type { Directory } from '../people/directory.ts';
import type { DepartmentRecord } from './record.ts';

/** A key factor a person is asked on behalf of a department. */
export interface Assignment {
  department: string;
  keyFactor: FrozenKeyFactor;
}

export type Step =
  | { kind: 'intro'; department: string; keyFactor: FrozenKeyFactor }
  | { kind: 'question'; department: string; keyFactor: FrozenKeyFactor; question: FrozenQuestion }
  | { kind: 'rating'; department: string; keyFactor: FrozenKeyFactor };

export type Records = ReadonlyMap<string, DepartmentRecord>;

/** Who answers a key factor: the colleague it was handed to, else every contact of the department. */
export function isAssignee(
  record: DepartmentRecord | undefined,
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
  record: DepartmentRecord | undefined,
  keyFactor: FrozenKeyFactor,
): FrozenQuestion[] => keyFactor.questions.filter((q) => record?.answers[q.id] === undefined);

/** Done: skipped, or every question answered and the key factor rated. */
export function isComplete(
  record: DepartmentRecord | undefined,
  keyFactor: FrozenKeyFactor,
): boolean {
  if (record?.skips[keyFactor.id]) return true;
  return unanswered(record, keyFactor).length === 0 && record?.ratings[keyFactor.id] !== undefined;
}

/** What to ask next for one department's key factor, or undefined when it is done. */
export function stepFor(
  record: DepartmentRecord | undefined,
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
