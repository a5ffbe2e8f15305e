import type { CheckInEngine } from './engine.ts';
import { notice } from '../chat/views.ts';
import { markUnreachable } from '../people/reachability.ts';

/** Records an unreachable person and tells every coordinator, once, what to do about it. */
export async function reportUnreachable(
  engine: CheckInEngine,
  person: string,
  reason: string,
): Promise<void> {
  const ctx = engine.context;
  if (!(await markUnreachable(ctx.store, person, reason, ctx.clock.now()))) return;
  ctx.logger.warn({ person, reason }, 'person unreachable');
  await ctx.naming.lookUp([person]);
  for (const coordinator of ctx.directory.coordinators()) {
    if (coordinator === person) continue;
    const t = ctx.i18n.getFixedT(await ctx.languageOf(coordinator));
    const name = (await ctx.naming.namer(t('common:someone')))(person);
    await ctx
      .sendTo(coordinator, notice(t('checkins:unreachable.coordinator', { name, reason })))
      .catch((error: unknown) => {
        ctx.logger.warn(
          { err: error, coordinator },
          'could not tell a coordinator about an unreachable person',
        );
      });
  }
}
