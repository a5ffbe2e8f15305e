import { notice } from '../chat/views.ts';
import type { Answer } from './answer.ts';
import type { EngineContext } from './context.ts';
import type { FormResult } from './handlers/shared.ts';

/** Accepted in peer review: final for the rest of the cycle, unless a coordinator reopens it. */
export const lockedByReview = (answer: Answer | undefined): boolean =>
  answer?.review?.state === 'accepted';

/** Refuses changing an accepted answer; what the person typed comes back with the reason. */
export async function refuseLocked(
  ctx: EngineContext,
  person: string,
  typed?: string,
): Promise<FormResult> {
  const t = ctx.i18n.getFixedT(await ctx.languageOf(person));
  const reason = t('reviews:locked');
  await ctx.sendTo(
    person,
    notice(typed ? `${reason}\n${t('checkins:errors.yourText')}\n${typed}` : reason),
  );
  return { ok: false, errors: { _form: reason } };
}
