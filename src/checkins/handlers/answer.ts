import { departmentName } from '../../cycles/cycle.ts';
import type { Answer, AnswerStatus, Evidence } from '../answer.ts';
import { isAnswerStatus } from '../answer.ts';
import type { Actor, EngineContext } from '../context.ts';
import { isLate, resolveTarget } from '../flow.ts';
import { lastTimeOf } from '../carry-over.ts';
import { dateEvidence } from '../../shared/evidence.ts';
import {
  answeredKey,
  continueEveryone,
  showClosed,
  takeFromBooks,
  takePrompts,
} from '../prompts.ts';
import { refuseStale, sameContent } from './stale.ts';
import { limits } from '../limits.ts';
import { answeredMessage } from '../messages.ts';
import { updateRecord } from '../record-repository.ts';
import { lockedByReview, refuseLocked } from '../review-lock.ts';
import { checkEvidence, textProblem, type InputProblem } from '../validate.ts';
import { explainRefusal, fieldErrors, mayAnswer, saved, tell, type FormResult } from './shared.ts';

export interface AnswerInput {
  cycle: string;
  department: string;
  question: string;
  /** The answer's revision the person saw; a newer one means someone changed it meanwhile. */
  revision: number;
  status?: string;
  /** Undefined keeps the earlier explanation (a status button click). */
  explanation?: string;
  evidence?: Evidence[];
}

const typedText = (input: AnswerInput): string | undefined =>
  [input.explanation, ...(input.evidence ?? []).map((e) => e.url)].filter(Boolean).join('\n') ||
  undefined;

/**
 * Records an answer. What is valid is saved; what is not is refused with the
 * reason, so one bad link never costs the rest of the answer.
 */
export async function recordAnswer(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  input: AnswerInput,
): Promise<FormResult> {
  const target = await resolveTarget(ctx, input);
  if (!target.ok) return explainRefusal(ctx, person, target.key, target.params, typedText(input));
  const { cycle, department, keyFactor, question } = target;
  if (!question)
    return explainRefusal(ctx, person, 'errors.notInCycle', {
      cycle: cycle.id,
      item: input.question,
    });

  const problems: InputProblem[] = [];
  const status: AnswerStatus | undefined = isAnswerStatus(input.status) ? input.status : undefined;
  let explanation = input.explanation?.trim();
  const tooLong =
    explanation === undefined
      ? undefined
      : textProblem('explanation', explanation, limits.explanation);
  if (tooLong) {
    problems.push(tooLong);
    explanation = undefined;
  }
  const evidence =
    input.evidence === undefined ? undefined : checkEvidence('evidence', input.evidence);
  problems.push(...(evidence?.problems ?? []));

  // Links given before keep their dates, so a confirmed or edited answer never makes old evidence look new.
  const lastTime = evidence ? await lastTimeOf(ctx, cycle, department) : undefined;
  const { record: savedRecord, result } = await updateRecord(
    ctx.store,
    cycle.id,
    department,
    (record) => {
      if (!mayAnswer(ctx, record, department, keyFactor.id, person))
        return { kind: 'refused' as const };
      const existing = record.answers[question.id];
      if (lockedByReview(existing)) return { kind: 'locked' as const };
      const chosen = status ?? existing?.status;
      if (!chosen) return { kind: 'noStatus' as const };
      if (existing && existing.revision > input.revision) {
        // The person acted on an older copy: a second tap of what they already gave counts once.
        if (
          existing.by === person &&
          sameContent(existing, chosen, explanation, evidence?.accepted)
        )
          return { kind: 'unchanged' as const };
        // A status button on a stale copy never overwrites a newer answer; a form's typed text
        // is a deliberate change, saved as a new revision with the other kept in the history.
        if (input.explanation === undefined) return { kind: 'stale' as const, existing };
      }
      const now = ctx.clock.now().toISOString();
      const { history: earlier = [], ...previous } = existing ?? { history: [] };
      const answer: Answer = {
        status: chosen,
        explanation: explanation ?? existing?.explanation ?? '',
        // Refused links are dropped; the good ones are kept, and so are earlier ones when none were sent.
        evidence: evidence
          ? dateEvidence(
              evidence.accepted,
              [...(existing?.evidence ?? []), ...(lastTime?.answers[question.id]?.evidence ?? [])],
              now,
            )
          : (existing?.evidence ?? []),
        by: person,
        at: now,
        late: isLate(ctx, cycle),
        revision: (existing?.revision ?? 0) + 1,
        history: existing ? [...earlier, previous as Omit<Answer, 'history'>] : [],
      };
      record.answers[question.id] = answer;
      record.started[keyFactor.id] ??= { by: person, at: answer.at };
      // Its open prompts are closed in the same change: one lock for the answer and its messages.
      const closed = takePrompts(record, [question.id]);
      return { kind: 'saved' as const, answer, existing, closed };
    },
  );

  const v = await ctx.reader(person, cycle, actor.locale);
  if (result.kind === 'refused') {
    const name = departmentName(cycle, department, v.language);
    return explainRefusal(
      ctx,
      person,
      'errors.notAContact',
      { department: name },
      typedText(input),
    );
  }
  if (result.kind === 'locked') return refuseLocked(ctx, person, typedText(input));
  if (result.kind === 'unchanged') return saved;
  if (result.kind === 'stale') {
    await refuseStale(ctx, v, person, department, keyFactor, question, result.existing);
    return saved;
  }
  if (result.kind === 'noStatus') {
    return {
      ok: false,
      errors: fieldErrors(v.t, [
        { field: 'status', key: 'statusRequired', params: {} },
        ...problems,
      ]),
    };
  }

  ctx.metrics.answerRecorded();
  // Every reader's message for the question is closed; the answerer's own book is saved once
  // below, with their next question in it.
  // Open copies and copies already showing an earlier answer (where "Change" was pressed) alike.
  const { taken, kept } = await takeFromBooks(
    ctx,
    cycle,
    department,
    [question.id, answeredKey(question.id)],
    savedRecord,
    person,
    (key) => (key === question.id ? answeredKey(question.id) : key),
  );
  const closed = [...taken, ...result.closed];
  const stillOpen = closed.filter((c) => c.key === question.id);
  await showClosed(ctx, cycle, department, closed, (reader) =>
    answeredMessage(reader, department, keyFactor, question, result.answer, true),
  );
  const { existing } = result;
  const change = {
    cycle,
    department,
    keyFactor,
    question,
    previous: existing,
    answer: result.answer,
  };
  // A peer review reacts to the new answer; the answer is saved whatever becomes of that.
  await ctx.afterAnswer?.(ctx, change).catch((error: unknown) => {
    ctx.logger.warn({ err: error, department, question: question.id }, 'after-answer step failed');
  });
  if (existing && existing.by !== person && existing.revision > input.revision) {
    await tell(ctx, person, 'notices.changedMeanwhile', { name: v.nameOf(existing.by) });
  }
  if (problems.length > 0) {
    // The valid part is saved; the person is told, in the form and in chat, what was refused.
    const errors = fieldErrors(v.t, problems);
    await tell(ctx, person, 'notices.partlySaved', { problems: Object.values(errors).join(' ') });
    await continueEveryone(ctx, cycle, person, savedRecord, stillOpen, kept);
    return { ok: false, errors };
  }
  await continueEveryone(ctx, cycle, person, savedRecord, stillOpen, kept);
  return saved;
}
