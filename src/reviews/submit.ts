import { textValue, type FieldErrors, type FormValues } from '../chat/actor.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import type { FormResult } from '../checkins/handlers/shared.ts';
import { isAssignee } from '../checkins/progress.ts';
import { sendStep } from '../checkins/prompts.ts';
import { getRecord } from '../checkins/record-repository.ts';
import { departmentName } from '../cycles/cycle.ts';
import { commentMaxLength } from './click.ts';
import { judge, type Judged } from './judge.ts';
import { refuseReview, tellReview } from './notices.ts';
import type { ReviewAction } from './review-action.ts';

/** A comment is required: it is what the department reads beside the question. */
export function checkReviewForm(who: Who, about: ReviewAction, values: FormValues): FieldErrors {
  if (about.kind !== 'reviewRequestChanges') return {};
  const comment = textValue(values.comment);
  if (comment === '') return { comment: who.t('reviews:form.commentRequired') };
  if (comment.length > commentMaxLength)
    return { comment: who.t('reviews:form.commentTooLong', { max: commentMaxLength }) };
  return {};
}

/** Requests changes: the answer goes back to the department with the reviewer's comment. */
export async function submitReviewForm(
  ctx: EngineContext,
  who: Who,
  about: ReviewAction,
  values: FormValues,
): Promise<FormResult> {
  if (about.kind !== 'reviewRequestChanges')
    return refuseReview(ctx, who.person, 'notices.staleForm');
  const comment = textValue(values.comment);
  if (comment === '') return { ok: false, errors: checkReviewForm(who, about, values) };
  const judged = await judge(
    ctx,
    who,
    about,
    { kind: 'requestChanges', question: about.question, revision: about.revision, comment },
    comment,
  );
  if (!judged.ok) return judged.result;
  if (judged.changed) {
    await sendBack(ctx, judged, who.person, comment);
    await tellReview(ctx, who.person, 'notices.changesSent', {
      department: departmentName(judged.cycle, judged.department, who.language),
      number: judged.question.number,
      keyFactor: judged.keyFactor.title[who.language],
    });
  }
  return { ok: true };
}

/**
 * Whoever answers the key factor gets the question again, in their own
 * language, with the reviewer's comment above it and the answer buttons: their
 * next answer takes the place of this one, and the earlier one stays in its history.
 */
async function sendBack(
  ctx: EngineContext,
  judged: Judged,
  reviewer: string,
  comment: string,
): Promise<void> {
  const { cycle, department, keyFactor, question } = judged;
  const record = await getRecord(ctx.store, cycle.id, department);
  const handedTo = record.handOvers[keyFactor.id]?.to;
  const people = handedTo ? [handedTo] : ctx.directory.contactsOf(department);
  for (const person of people) {
    if (!isAssignee(record, department, keyFactor.id, person, ctx.directory)) continue;
    const v = await ctx.reader(person, cycle);
    const summary = v.t('reviews:contact.changesRequested', {
      name: v.nameOf(reviewer),
      comment,
    });
    await sendStep(
      ctx,
      cycle,
      person,
      { kind: 'question', department, keyFactor, question },
      summary,
      new Map([[department, record]]),
    );
  }
}
