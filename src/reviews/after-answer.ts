import type { Block } from '../chat/views.ts';
import type { AnswerChange, EngineContext } from '../checkins/context.ts';
import { departmentName } from '../cycles/cycle.ts';
import { answerBlocks, groupTitle } from './messages.ts';
import { reviewReader } from './load.ts';

/**
 * A department answered again a question its reviewer sent back: the new
 * answer is not reviewed (it carries no review), and the reviewer who asked is
 * told, with the answer and its buttons, so they can look at it at once.
 */
export async function reviewAfterAnswer(ctx: EngineContext, change: AnswerChange): Promise<void> {
  const review = change.previous?.review;
  if (review?.state !== 'changes_requested') return;
  const { cycle, department, keyFactor, question, answer } = change;
  const v = await reviewReader(ctx, review.by, cycle);
  const text = v.t('reviews:notices.backForReview', {
    department: departmentName(cycle, department, v.language),
    keyFactor: keyFactor.title[v.language],
    number: question.number,
  });
  const blocks: Block[] = [
    { type: 'header', text: groupTitle(v, department, keyFactor) },
    { type: 'text', text },
    ...answerBlocks(v, department, question, answer),
  ];
  await ctx.sendTo(review.by, { text, blocks });
}
