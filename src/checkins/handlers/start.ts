import { departmentName } from '../../cycles/cycle.ts';
import type { Actor, EngineContext } from '../context.ts';
import { closePrompts, continueWith, resolveTarget } from '../flow.ts';
import { introClosedMessage } from '../messages.ts';
import { updateRecord } from '../record-repository.ts';
import { explainRefusal, mayAnswer } from './shared.ts';

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
  const { result: allowed } = await updateRecord(ctx.store, cycle.id, department, (record) => {
    if (!mayAnswer(ctx, record, department, keyFactor.id, person)) return false;
    record.started[keyFactor.id] ??= { by: person, at: ctx.clock.now().toISOString() };
    return true;
  });
  if (!allowed) {
    const v = await ctx.view(person, cycle, actor.locale);
    await explainRefusal(ctx, person, 'errors.notAContact', {
      department: departmentName(cycle, department, v.language),
    });
    return;
  }
  await closePrompts(ctx, cycle, department, [`${keyFactor.id}:intro`], (v) =>
    introClosedMessage(
      v,
      department,
      keyFactor,
      v.t('checkins:intro.started', { name: v.nameOf(person) }),
    ),
  );
  await continueWith(ctx, cycle, person);
}
