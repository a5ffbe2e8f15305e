import { notice } from '../chat/views.ts';
import type { EngineContext } from '../checkins/context.ts';
import type { FormResult } from '../checkins/handlers/shared.ts';

/** Tells a person something of the peer review, in their language. */
export async function tellReview(
  ctx: EngineContext,
  person: string,
  key: string,
  params: Record<string, string | number> = {},
): Promise<string> {
  const t = ctx.i18n.getFixedT(await ctx.languageOf(person));
  const text = t(`reviews:${key}`, params);
  await ctx.sendTo(person, notice(text));
  return text;
}

/** A peer review text in a person's language. */
export async function reviewText(
  ctx: EngineContext,
  person: string,
  key: string,
  params: Record<string, string | number> = {},
): Promise<string> {
  return ctx.i18n.getFixedT(await ctx.languageOf(person))(`reviews:${key}`, params);
}

/** Refuses a verdict with the reason; a comment the reviewer typed comes back so it is not lost. */
export async function refuseReview(
  ctx: EngineContext,
  person: string,
  key: string,
  params: Record<string, string | number> = {},
  typed?: string,
): Promise<FormResult> {
  const t = ctx.i18n.getFixedT(await ctx.languageOf(person));
  const reason = t(`reviews:${key}`, params);
  const text = typed ? `${reason}\n${t('checkins:errors.yourText')}\n${typed}` : reason;
  await ctx.sendTo(person, notice(text));
  return { ok: false, errors: { _form: reason } };
}
