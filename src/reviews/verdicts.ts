import type { Answer, Review } from '../checkins/answer.ts';
import type { DepartmentRecord } from '../checkins/record-repository.ts';
import type { Stamp } from '../shared/benchmark.ts';

/** What a reviewer (or, reopening, a coordinator) decides about one answer. */
export type Verdict =
  | { kind: 'accept'; question: string; revision: number }
  | { kind: 'requestChanges'; question: string; revision: number; comment: string }
  | { kind: 'reopen'; question: string };

export type VerdictOutcome =
  | { kind: 'done'; answer: Answer }
  /** The same verdict again (a double tap): counted once, nothing changes. */
  | { kind: 'already'; answer: Answer }
  /** The answer changed since the reviewer saw it: their verdict is about an older one. */
  | { kind: 'stale'; answer: Answer }
  /** Accepted answers are final until a coordinator reopens them. */
  | { kind: 'locked'; answer: Answer }
  /** Reopening an answer that is not accepted. */
  | { kind: 'notAccepted'; answer: Answer }
  | { kind: 'unanswered' };

/**
 * Applies a verdict to the record, inside its update. The answer itself and
 * its revision stay as they are: a review is about an answer, not a change of
 * it, so a contact's open form is not made stale by it.
 */
export function applyVerdict(
  record: DepartmentRecord,
  verdict: Verdict,
  stamp: Stamp,
): VerdictOutcome {
  const answer = record.answers[verdict.question];
  if (!answer) return { kind: 'unanswered' };
  const state = answer.review?.state;
  if (verdict.kind === 'reopen') {
    if (state !== 'accepted') return { kind: 'notAccepted', answer };
    const reopened: Answer = { ...answer };
    delete reopened.review;
    return save(record, verdict.question, reopened);
  }
  if (verdict.revision !== answer.revision) return { kind: 'stale', answer };
  if (verdict.kind === 'accept') {
    if (state === 'accepted') return { kind: 'already', answer };
    return save(record, verdict.question, { ...answer, review: { state: 'accepted', ...stamp } });
  }
  if (state === 'accepted') return { kind: 'locked', answer };
  if (state === 'changes_requested' && answer.review?.comment === verdict.comment)
    return { kind: 'already', answer };
  const review: Review = { state: 'changes_requested', ...stamp, comment: verdict.comment };
  return save(record, verdict.question, { ...answer, review });
}

function save(record: DepartmentRecord, question: string, answer: Answer): VerdictOutcome {
  record.answers[question] = answer;
  return { kind: 'done', answer };
}

/** Accept all: each answer the reviewer saw at the revision they saw; the rest is left waiting. */
export function acceptAll(
  record: DepartmentRecord,
  seen: readonly { question: string; revision: number }[],
  stamp: Stamp,
): { accepted: string[]; stale: string[] } {
  const accepted: string[] = [];
  const stale: string[] = [];
  for (const { question, revision } of seen) {
    // Only what nobody has reviewed: an answer sent back waits for the department, not for this.
    if (record.answers[question]?.review) continue;
    const outcome = applyVerdict(record, { kind: 'accept', question, revision }, stamp);
    if (outcome.kind === 'done') accepted.push(question);
    if (outcome.kind === 'stale') stale.push(question);
  }
  return { accepted, stale };
}
