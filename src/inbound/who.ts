import type { Actor } from '../chat/actor.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import { translatorFor } from '../i18n/create.ts';
import { markReachable } from '../people/reachability.ts';

/**
 * Who acts, once per interaction: their canonical key, their language (the
 * platform's locale is remembered as a hint) and, since they just wrote or
 * clicked, that they can be reached again. Their name is remembered, so
 * that messages to others name them rather than show a platform's id.
 */
export async function resolveWho(ctx: EngineContext, actor: Actor): Promise<Who> {
  const person = ctx.directory.canonicalKey(actor);
  const language = await ctx.languageOf(person, actor.locale);
  await markReachable(ctx.store, person);
  await ctx.naming.learn(person, actor.name);
  return { person, actor, language, t: translatorFor(ctx.i18n, language) };
}
