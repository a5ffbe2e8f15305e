import type { Actor, EngineContext } from '../context.ts';
import { resolveTarget } from '../flow.ts';
import { closePrompts, continueWith, takePrompts } from '../prompts.ts';
import { introClosedMessage } from '../messages.ts';
import { updateRecord } from '../record-repository.ts';
import { explainRefusal, mayAnswer, refuseNotAContact } from './shared.ts';

/** "Start": the key factor is under way; its first open question follows. */
export async function startKeyFactor(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  where: { cycle: string; department: string; keyFactor: string },
): Promise<void> {
  const target = await resolveTarget(ctx, where);
  if (!target.ok) {
    await explainRefusal(ctx, person, target.key, target.params);
    return;
  }
  const { cycle, department, keyFactor } = target;
  const keys = [`${keyFactor.id}:intro`];
  const { result: taken, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return undefined;
    r.started[keyFactor.id] ??= { by: person, at: ctx.clock.now().toISOString() };
    return takePrompts(r, keys);
  });
  if (!taken) {
    await refuseNotAContact(ctx, person, cycle, department, actor.locale);
    return;
  }
  await closePrompts(
    ctx,
    cycle,
    department,
    keys,
    (v) =>
      introClosedMessage(
        v,
        department,
        keyFactor,
        v.t('checkins:intro.started', { name: v.nameOf(person) }),
      ),
    { record, taken },
  );
  await continueWith(ctx, cycle, person, record);
}
