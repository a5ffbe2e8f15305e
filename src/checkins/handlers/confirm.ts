import type { Actor, EngineContext } from '../context.ts';
import { confirmedAnswer, confirmedRating, lastTimeOf, type Confirmation } from '../carry-over.ts';
import { isLate } from '../flow.ts';
import { answeredMessage, introClosedMessage, ratedMessage } from '../messages.ts';
import { closePrompts, continueEveryone, continueWith, takePrompts } from '../prompts.ts';
import { updateRecord } from '../record-repository.ts';
import { lockedByReview, refuseLocked } from '../review-lock.ts';
import { explainRefusal, mayAnswer, refuseNotAContact, targetOrRefusal } from './shared.ts';

const confirmation = (ctx: EngineContext, person: string, late: boolean): Confirmation => ({
  by: person,
  at: ctx.clock.now().toISOString(),
  late,
});

/**
 * "Still true": last cycle's answers to a key factor's guiding questions, and
 * its rating, are confirmed unchanged in one click. Only what nobody has
 * answered in this cycle yet is confirmed, so a colleague's newer answer is
 * never overwritten; questions without an earlier answer are then asked as usual.
 */
export async function confirmKeyFactor(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  where: { cycle: string; department: string; keyFactor: string },
): Promise<void> {
  const target = await targetOrRefusal(ctx, person, where);
  if (!target) return;
  const { cycle, department, keyFactor } = target;
  const lastTime = await lastTimeOf(ctx, cycle, department);
  const ratingKey = `${keyFactor.id}:rating`;
  const { result, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return undefined;
    const stamp = confirmation(ctx, person, isLate(ctx, cycle));
    const confirmed: string[] = [];
    for (const question of keyFactor.questions) {
      const earlier = lastTime?.answers[question.id];
      if (!earlier || !lastTime || r.answers[question.id] !== undefined) continue;
      r.answers[question.id] = confirmedAnswer(earlier, lastTime.cycle, stamp);
      confirmed.push(question.id);
    }
    const earlierRating = lastTime?.ratings[keyFactor.id];
    const rated = earlierRating !== undefined && r.ratings[keyFactor.id] === undefined;
    if (rated && lastTime)
      r.ratings[keyFactor.id] = confirmedRating(earlierRating, lastTime.cycle, stamp);
    r.started[keyFactor.id] ??= { by: person, at: stamp.at };
    const keys = [`${keyFactor.id}:intro`, ...confirmed, ...(rated ? [ratingKey] : [])];
    return { keys, count: confirmed.length, taken: takePrompts(r, keys) };
  });
  if (!result) {
    await refuseNotAContact(ctx, person, cycle, department, actor.locale);
    return;
  }
  const closed = await closePrompts(
    ctx,
    cycle,
    department,
    result.keys,
    (v, key) => {
      const question = keyFactor.questions.find((q) => q.id === key);
      const answer = question ? record.answers[question.id] : undefined;
      if (question && answer)
        return answeredMessage(v, department, keyFactor, question, answer, true);
      const rating = record.ratings[keyFactor.id];
      if (key === ratingKey && rating) return ratedMessage(v, department, keyFactor, rating);
      return introClosedMessage(
        v,
        department,
        keyFactor,
        v.t('checkins:carryOver.confirmed', { name: v.nameOf(person), count: result.count }),
      );
    },
    { record, taken: result.taken },
  );
  await continueEveryone(ctx, cycle, person, record, closed);
}

/** "Same as last time" for one guiding question, from its question message. */
export async function sameAsLastTime(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  where: { cycle: string; department: string; question: string; revision: number },
): Promise<void> {
  const target = await targetOrRefusal(ctx, person, where);
  if (!target?.question) return;
  const { cycle, department, keyFactor, question } = target;
  const lastTime = await lastTimeOf(ctx, cycle, department);
  const earlier = lastTime?.answers[question.id];
  if (!earlier || !lastTime) {
    await explainRefusal(ctx, person, 'errors.staleForm', {});
    return;
  }
  const { result, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return { kind: 'refused' as const };
    const existing = r.answers[question.id];
    if (lockedByReview(existing)) return { kind: 'locked' as const };
    // A stale copy (someone answered since this message was sent) never overwrites.
    if (existing && existing.revision > where.revision) return { kind: 'stale' as const, existing };
    const stamp = confirmation(ctx, person, isLate(ctx, cycle));
    const answer = confirmedAnswer(earlier, lastTime.cycle, stamp, existing);
    r.answers[question.id] = answer;
    r.started[keyFactor.id] ??= { by: person, at: stamp.at };
    return { kind: 'saved' as const, answer, existing, taken: takePrompts(r, [question.id]) };
  });
  if (result.kind === 'refused') {
    await refuseNotAContact(ctx, person, cycle, department, actor.locale);
    return;
  }
  if (result.kind === 'locked') {
    await refuseLocked(ctx, person);
    return;
  }
  if (result.kind === 'stale') {
    const { existing } = result;
    if (existing.by === person && existing.confirmedFrom !== undefined) return;
    const v = await ctx.reader(person, cycle, actor.locale);
    await explainRefusal(ctx, person, 'notices.alreadyAnswered', {
      name: v.nameOf(existing.by),
      status: v.t(`common:answerStatus.${existing.status}`),
    });
    return;
  }
  ctx.metrics.answerRecorded();
  const { answer, existing } = result;
  // A peer review reacts to the answer given again, as to any other answer.
  await ctx
    .afterAnswer?.(ctx, { cycle, department, keyFactor, question, previous: existing, answer })
    .catch((error: unknown) => {
      ctx.logger.warn(
        { err: error, department, question: question.id },
        'after-answer step failed',
      );
    });
  const closed = await closePrompts(
    ctx,
    cycle,
    department,
    [question.id],
    (v) => answeredMessage(v, department, keyFactor, question, answer, true),
    { record, taken: result.taken },
  );
  await continueEveryone(ctx, cycle, person, record, closed);
}

/** "Same as last time" for the key factor's rating. */
export async function sameRatingAsLastTime(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  where: { cycle: string; department: string; keyFactor: string },
): Promise<void> {
  const target = await targetOrRefusal(ctx, person, where);
  if (!target) return;
  const { cycle, department, keyFactor } = target;
  const lastTime = await lastTimeOf(ctx, cycle, department);
  const earlier = lastTime?.ratings[keyFactor.id];
  if (!earlier || !lastTime) {
    await explainRefusal(ctx, person, 'errors.staleForm', {});
    return;
  }
  const keys = [`${keyFactor.id}:rating`];
  const { result, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return undefined;
    const stamp = confirmation(ctx, person, isLate(ctx, cycle));
    // Rated meanwhile (a colleague, or a double tap): the newer rating stays.
    if (r.ratings[keyFactor.id]) return { taken: takePrompts(r, keys) };
    r.ratings[keyFactor.id] = confirmedRating(earlier, lastTime.cycle, stamp);
    return { taken: takePrompts(r, keys) };
  });
  if (!result) {
    await refuseNotAContact(ctx, person, cycle, department, actor.locale);
    return;
  }
  const rating = record.ratings[keyFactor.id];
  if (rating)
    await closePrompts(
      ctx,
      cycle,
      department,
      keys,
      (v) => ratedMessage(v, department, keyFactor, rating),
      { record, taken: result.taken },
    );
  await continueWith(ctx, cycle, person, record);
}
