import type { Interaction } from '../chat/actor.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import { targetOrRefusal } from '../checkins/handlers/shared.ts';
import { getRecord, updateRecord } from '../checkins/record-repository.ts';
import { departmentName, type Cycle } from '../cycles/cycle.ts';
import { openCycleOf } from '../cycles/repository.ts';
import { withFormWords } from '../i18n/form-words.ts';
import { notice } from '../chat/views.ts';
import { judge, type Judged } from './judge.ts';
import { loadWaiting, reviewReader } from './load.ts';
import { requestChangesForm, reviewMessage } from './messages.ts';
import { refuseReview, tellReview } from './notices.ts';
import type { ReviewAction } from './review-action.ts';
import { acceptAll } from './verdicts.ts';
import type { ReviewGroup } from './waiting.ts';

/** The longest comment a reviewer can write. */
export const commentMaxLength = 2000;

/** A review button: accept, accept all, reopen, or the form to request changes. */
export async function clickReview(
  ctx: EngineContext,
  who: Who,
  action: ReviewAction,
  interaction: Interaction,
): Promise<void> {
  switch (action.kind) {
    case 'reviewAccept': {
      const verdict = {
        kind: 'accept',
        question: action.question,
        revision: action.revision,
      } as const;
      const judged = await judge(ctx, who, action, verdict);
      // Accepted already (a double tap, or another reviewer first): the message shows by whom.
      if (judged.ok)
        await showAgain(ctx, who, judged, interaction, judged.changed ? 'accepted' : undefined);
      return;
    }
    case 'reviewReopen': {
      const reopened = await reopenAnswer(ctx, who, action);
      if (!reopened.judged?.changed) return;
      await ctx.sendTo(who.person, notice(reopened.text));
      await showAgain(ctx, who, reopened.judged, interaction);
      return;
    }
    case 'reviewAcceptAll':
      return acceptAllOf(ctx, who, action, interaction);
    case 'reviewRequestChanges':
      return openRequestChanges(ctx, who, action, interaction);
    case 'reviewOpen':
      return sendWaiting(ctx, who);
  }
}

/** What waits for the reviewer, as one message in their chat. */
async function sendWaiting(ctx: EngineContext, who: Who): Promise<void> {
  const cycle = await openCycleOf(ctx.store);
  if (!cycle) {
    await tellReview(ctx, who.person, 'command.noCycle');
    return;
  }
  const waiting = await loadWaiting(ctx, cycle, who.person);
  if (waiting.groups.length === 0) {
    await tellReview(ctx, who.person, 'command.nothing', { cycle: cycle.id });
    return;
  }
  const v = await reviewReader(ctx, who.person, cycle);
  await ctx.sendTo(who.person, reviewMessage(v, waiting.groups, waiting.records));
}

/**
 * A coordinator reopens an accepted answer: the department can change it
 * again, and it waits for a reviewer again. Says why not, if not.
 */
export async function reopenAnswer(
  ctx: EngineContext,
  who: Who,
  where: { cycle: string; department: string; question: string },
  quiet = false,
): Promise<{ judged?: Judged; text: string }> {
  const judged = await judge(
    ctx,
    who,
    where,
    { kind: 'reopen', question: where.question },
    undefined,
    quiet,
  );
  if (!judged.ok) return { text: judged.result.ok ? '' : (judged.result.errors._form ?? '') };
  const text = who.t('reviews:notices.reopened', {
    department: departmentName(judged.cycle, judged.department, who.language),
    keyFactor: judged.keyFactor.title[who.language],
    number: judged.question.number,
  });
  return { judged, text };
}

/**
 * The message the button was on, updated to what waits now (and the group
 * just reviewed, with its verdicts); where there is no message, a short note.
 */
async function showAgain(
  ctx: EngineContext,
  who: Who,
  group: ReviewGroup & { cycle: Cycle },
  interaction: Interaction,
  confirm?: string,
): Promise<void> {
  if (!interaction.message) {
    if (confirm) await tellReview(ctx, who.person, `notices.${confirm}`);
    return;
  }
  const waiting = await loadWaiting(ctx, group.cycle, who.person, group);
  const v = await reviewReader(ctx, who.person, group.cycle);
  try {
    await ctx.port.update(interaction.message, reviewMessage(v, waiting.groups, waiting.records));
  } catch (error) {
    // The verdict is saved; a message that cannot be updated only keeps its old buttons.
    ctx.logger.warn({ err: error }, 'could not update a review message');
  }
}

async function acceptAllOf(
  ctx: EngineContext,
  who: Who,
  action: Extract<ReviewAction, { kind: 'reviewAcceptAll' }>,
  interaction: Interaction,
): Promise<void> {
  const target = await targetOrRefusal(ctx, who.person, action);
  if (!target) return;
  const { cycle, department, keyFactor } = target;
  const seen = keyFactor.questions.map((q, i) => ({
    question: q.id,
    revision: action.revisions[i] ?? -1,
  }));
  const stamp = { by: who.person, at: ctx.clock.now().toISOString() };
  const { result } = await updateRecord(ctx.store, cycle.id, department, (record) =>
    acceptAll(record, seen, stamp),
  );
  if (result.stale.length > 0)
    await refuseReview(ctx, who.person, 'notices.someChanged', { count: result.stale.length });
  if (result.accepted.length > 0)
    await showAgain(ctx, who, { cycle, department, keyFactor }, interaction, 'accepted');
}

/** The form for a comment, unless the answer has changed or was accepted meanwhile. */
async function openRequestChanges(
  ctx: EngineContext,
  who: Who,
  action: Extract<ReviewAction, { kind: 'reviewRequestChanges' }>,
  interaction: Interaction,
): Promise<void> {
  const target = await targetOrRefusal(ctx, who.person, action);
  if (!target) return;
  const { cycle, department, question } = target;
  if (!question) return;
  const answer = (await getRecord(ctx.store, cycle.id, department)).answers[question.id];
  if (!answer) {
    await refuseReview(ctx, who.person, 'notices.unanswered');
    return;
  }
  if (answer.revision !== action.revision) {
    await refuseReview(ctx, who.person, 'notices.stale');
    return;
  }
  if (answer.review?.state === 'accepted') {
    await refuseReview(ctx, who.person, 'notices.alreadyAccepted');
    return;
  }
  const v = await ctx.reader(who.person, cycle, who.actor.locale);
  const address = ctx.directory.addressOf(who.person) ?? {
    platform: who.actor.platform,
    id: who.actor.id,
    kind: 'person' as const,
  };
  const form = requestChangesForm(v, action, question, commentMaxLength);
  await ctx.port.openForm(address, interaction.trigger, withFormWords(v.t, form));
}
