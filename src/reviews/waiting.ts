import type { ReviewState } from '../checkins/answer.ts';
import type { Cycle, FrozenKeyFactor } from '../cycles/cycle.ts';
import type { Directory } from '../people/directory.ts';

/** What the peer review reads of a department's record: a record is one, and so is its summary. */
export interface ReviewedAnswers {
  answers: Record<string, { review?: { state: Exclude<ReviewState, 'not_reviewed'> } }>;
  skips: Record<string, unknown>;
}

/** One department's key factor, as a reviewer gets it. */
export interface ReviewGroup {
  department: string;
  keyFactor: FrozenKeyFactor;
}

export const reviewStateOf = (answer: ReviewedAnswers['answers'][string]): ReviewState =>
  answer.review?.state ?? 'not_reviewed';

/**
 * Completed: every guiding question answered (or confirmed) in the cycle. A
 * skipped key factor is not reviewed: there is no self-assessment to judge.
 */
export const isCompleted = (record: ReviewedAnswers | undefined, kf: FrozenKeyFactor): boolean =>
  record !== undefined &&
  !record.skips[kf.id] &&
  kf.questions.every((q) => record.answers[q.id] !== undefined);

/** Completed key factors with an answer nobody has reviewed yet, in catalogue order. */
export function readyForReview(
  cycle: Cycle,
  records: ReadonlyMap<string, ReviewedAnswers>,
): ReviewGroup[] {
  return cycle.departments.flatMap((department) => {
    const record = records.get(department.id);
    return cycle.keyFactors
      .filter((kf) => department.keyFactors.includes(kf.id) && isCompleted(record, kf))
      .filter((kf) =>
        kf.questions.some((q) => {
          const answer = record?.answers[q.id];
          return answer !== undefined && reviewStateOf(answer) === 'not_reviewed';
        }),
      )
      .map((keyFactor) => ({ department: department.id, keyFactor }));
  });
}

/** What waits for a reviewer: a peer's review, so never their own department's answers. */
export function waitingFor(
  cycle: Cycle,
  records: ReadonlyMap<string, ReviewedAnswers>,
  reviewer: string,
  directory: Directory,
): ReviewGroup[] {
  const own = directory.departmentsOf(reviewer);
  return readyForReview(cycle, records).filter((g) => !own.includes(g.department));
}

export const groupKey = (group: { department: string; keyFactor: { id: string } }): string =>
  `${group.department}:${group.keyFactor.id}`;
