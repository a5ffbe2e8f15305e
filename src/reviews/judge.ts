import type { Answer } from '../checkins/answer.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import { resolveTarget } from '../checkins/flow.ts';
import { explainRefusal, type FormResult } from '../checkins/handlers/shared.ts';
import { updateRecord } from '../checkins/record-repository.ts';
import {
  departmentName,
  type Cycle,
  type FrozenKeyFactor,
  type FrozenQuestion,
} from '../cycles/cycle.ts';
import { refuseReview, reviewText } from './notices.ts';
import { applyVerdict, type Verdict } from './verdicts.ts';

/** The answer a verdict was given on, and whether this verdict changed it (a double tap does not). */
export interface Judged {
  ok: true;
  cycle: Cycle;
  department: string;
  keyFactor: FrozenKeyFactor;
  question: FrozenQuestion;
  answer: Answer;
  changed: boolean;
}

/**
 * Gives a verdict under the record's lock. A verdict on an answer that changed
 * since the reviewer saw it, or on an accepted one, is refused with the reason
 * (and what the reviewer typed, `typed`).
 */
export async function judge(
  ctx: EngineContext,
  who: Who,
  where: { cycle: string; department: string; question: string },
  verdict: Verdict,
  typed?: string,
  /** Only say why, without sending it: a command answers in its reply. */
  quiet = false,
): Promise<Judged | { ok: false; result: FormResult }> {
  const refuse = async (key: string, params: Record<string, string | number> = {}) => ({
    ok: false as const,
    result: quiet
      ? { ok: false as const, errors: { _form: await reviewText(ctx, who.person, key, params) } }
      : await refuseReview(ctx, who.person, key, params, typed),
  });
  const target = await resolveTarget(ctx, where);
  if (!target.ok)
    return {
      ok: false,
      result: await explainRefusal(ctx, who.person, target.key, target.params, typed),
    };
  const { cycle, department, keyFactor, question } = target;
  if (!question) return refuse('notices.unanswered');
  const stamp = { by: who.person, at: ctx.clock.now().toISOString() };
  const { result: outcome } = await updateRecord(ctx.store, cycle.id, department, (record) =>
    applyVerdict(record, verdict, stamp),
  );
  const params = {
    department: departmentName(cycle, department, who.language),
    keyFactor: keyFactor.title[who.language],
    number: question.number,
  };
  switch (outcome.kind) {
    case 'done':
    case 'already':
      return {
        ok: true,
        cycle,
        department,
        keyFactor,
        question,
        answer: outcome.answer,
        changed: outcome.kind === 'done',
      };
    case 'stale':
      return refuse('notices.stale', params);
    case 'locked':
      return refuse('notices.alreadyAccepted', params);
    case 'notAccepted':
      return refuse('notices.notAccepted', params);
    case 'unanswered':
      return refuse('notices.unanswered', params);
  }
}
