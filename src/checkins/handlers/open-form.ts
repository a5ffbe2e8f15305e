import type { Interaction } from '../../chat/actor.ts';
import { withFormWords } from '../../i18n/form-words.ts';
import type { EngineContext, Who } from '../context.ts';
import { lastTimeOf } from '../carry-over.ts';
import { resolveTarget } from '../flow.ts';
import { answerForm, handOverForm, ratingForm, skipForm } from '../forms.ts';
import { getRecord } from '../record-repository.ts';
import { lockedByReview, refuseLocked } from '../review-lock.ts';
import { departmentName } from '../../cycles/cycle.ts';
import { explainRefusal, mayAnswer } from './shared.ts';

type FormAction = {
  kind: 'explain' | 'rateWithLimits' | 'skip' | 'handOver';
  cycle: string;
  department: string;
  keyFactor?: string;
  question?: string;
};

/** Opens the form a button asks for, filled in with what the department said so far. */
export async function openCheckInForm(
  ctx: EngineContext,
  who: Who,
  action: FormAction,
  interaction: Interaction,
): Promise<void> {
  const { person, actor } = who;
  const where = action.kind === 'explain' ? { ...action, keyFactor: undefined } : action;
  const target = await resolveTarget(ctx, where);
  if (!target.ok) {
    await explainRefusal(ctx, person, target.key, target.params);
    return;
  }
  const record = await getRecord(ctx.store, target.cycle.id, target.department);
  // A button's value can be edited: only whoever may answer sees what the department said.
  if (!mayAnswer(ctx, record, target.department, target.keyFactor.id, person)) {
    await explainRefusal(ctx, person, 'errors.notAContact', {
      department: departmentName(target.cycle, target.department, who.language),
    });
    return;
  }
  if (action.kind === 'explain' && lockedByReview(record.answers[target.question?.id ?? ''])) {
    await refuseLocked(ctx, person);
    return;
  }
  const v = await ctx.reader(person, target.cycle, actor.locale);
  const address = ctx.directory.addressOf(person) ?? {
    platform: actor.platform,
    id: actor.id,
    kind: 'person' as const,
  };
  const form =
    action.kind === 'explain' && target.question
      ? answerForm(
          v,
          target.department,
          target.keyFactor,
          target.question,
          record.answers[target.question.id],
          (await lastTimeOf(ctx, target.cycle, target.department))?.answers[target.question.id],
        )
      : action.kind === 'rateWithLimits'
        ? ratingForm(v, target.department, target.keyFactor, record.ratings[target.keyFactor.id])
        : action.kind === 'skip'
          ? skipForm(v, target.department, target.keyFactor)
          : handOverForm(v, target.department, target.keyFactor);
  await ctx.port.openForm(address, interaction.trigger, withFormWords(v.t, form));
}
