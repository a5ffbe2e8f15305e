import type { Cycle, FrozenKeyFactor } from '../cycles/cycle.ts';
import type { Answer, Rating } from './answer.ts';
import type { EngineContext } from './context.ts';
import { getRecord, type DepartmentRecord } from './record-repository.ts';

/**
 * What a department said in the cycle before this one: "last time". Read from
 * that cycle's own record, which is closed and no longer changes, so nothing
 * is copied when a cycle opens.
 */
export async function lastTimeOf(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
): Promise<DepartmentRecord | undefined> {
  if (cycle.previous === undefined) return undefined;
  const record = await getRecord(ctx.store, cycle.previous, department);
  return Object.keys(record.answers).length + Object.keys(record.ratings).length > 0
    ? record
    : undefined;
}

/** The stamp of a confirmation: who confirmed, when, whether late. */
export interface Confirmation {
  by: string;
  at: string;
  late: boolean;
}

/**
 * Last time's answer, confirmed unchanged as an answer of this cycle. Its
 * content stays as it was; `confirmedFrom` names the cycle the content was
 * last given in, so a chain of confirmations still says "unchanged since".
 */
export function confirmedAnswer(
  earlier: Answer,
  lastCycle: string,
  confirmation: Confirmation,
  existing?: Answer,
): Answer {
  const { history: before = [], ...replaced } = existing ?? { history: [] };
  // Last cycle's history and review stay with last cycle; the content comes along.
  const content: Omit<Answer, 'history' | 'review'> & Partial<Pick<Answer, 'history' | 'review'>> =
    { ...earlier };
  delete content.history;
  delete content.review;
  return {
    ...content,
    ...confirmation,
    confirmedFrom: earlier.confirmedFrom ?? lastCycle,
    revision: (existing?.revision ?? 0) + 1,
    history: existing ? [...before, replaced as Omit<Answer, 'history'>] : [],
  };
}

export function confirmedRating(
  earlier: Rating,
  lastCycle: string,
  confirmation: Confirmation,
  existing?: Rating,
): Rating {
  const content: Omit<Rating, 'history'> & Partial<Pick<Rating, 'history'>> = { ...earlier };
  delete content.history;
  const { history: before = [], ...replaced } = existing ?? { history: [] };
  return {
    ...content,
    ...confirmation,
    confirmedFrom: earlier.confirmedFrom ?? lastCycle,
    history: existing ? [...before, replaced as Omit<Rating, 'history'>] : [],
  };
}

/** A key factor's guiding questions that have an answer last time and none yet in this cycle. */
export const carriedQuestions = (
  record: DepartmentRecord,
  lastTime: DepartmentRecord | undefined,
  keyFactor: FrozenKeyFactor,
) =>
  keyFactor.questions.filter(
    (q) => record.answers[q.id] === undefined && lastTime?.answers[q.id] !== undefined,
  );

/** Whether a key factor has anything to carry over: some answer, or the rating, from last time. */
export const hasLastTime = (
  lastTime: DepartmentRecord | undefined,
  keyFactor: FrozenKeyFactor,
): lastTime is DepartmentRecord =>
  lastTime !== undefined &&
  (keyFactor.questions.some((q) => lastTime.answers[q.id] !== undefined) ||
    lastTime.ratings[keyFactor.id] !== undefined);

/** Last time's record with what a message needs to mark evidence that may be out of date. */
export interface LastTime {
  record: DepartmentRecord;
  /** The organisation's local date today (YYYY-MM-DD). */
  today: string;
  staleAfterMonths: number;
}

/** Last time, ready for a message, when the cycle has one for the department. */
export async function lastTimeFor(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
): Promise<LastTime | undefined> {
  const record = await lastTimeOf(ctx, cycle, department);
  return record
    ? {
        record,
        today: ctx.localDate(ctx.clock.now()),
        staleAfterMonths: ctx.config.cycles.evidenceStaleAfterMonths,
      }
    : undefined;
}
