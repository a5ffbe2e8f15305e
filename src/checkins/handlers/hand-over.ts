import { departmentName } from '../../cycles/cycle.ts';
import { createHandOverRepository } from '../../people/hand-overs-repository.ts';
import type { Actor, EngineContext } from '../context.ts';
import { resolveTarget } from '../flow.ts';
import { closePrompts, continueWith, sendStep, takePrompts } from '../prompts.ts';
import { introClosedMessage } from '../messages.ts';
import { nextStep, stepFor } from '../progress.ts';
import { updateRecord } from '../record-repository.ts';
import { explainRefusal, fieldErrors, mayAnswer, saved, tell, type FormResult } from './shared.ts';
import { keyFactorPromptKeys } from './skip.ts';

/** Hands a key factor to a colleague, who is asked it from now on. */
export async function handOver(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  input: { cycle: string; department: string; keyFactor: string; colleague?: string },
): Promise<FormResult> {
  const target = await resolveTarget(ctx, input);
  if (!target.ok) return explainRefusal(ctx, person, target.key, target.params);
  const { cycle, department, keyFactor } = target;
  const v = await ctx.reader(person, cycle, actor.locale);
  const picked = input.colleague?.trim();
  if (!picked)
    return {
      ok: false,
      errors: fieldErrors(v.t, [{ field: 'colleague', key: 'colleagueRequired', params: {} }]),
    };
  // The colleague is picked on the platform the person uses.
  const colleague = ctx.directory.canonicalKey({ platform: actor.platform, id: picked });
  if (colleague === person) {
    return {
      ok: false,
      errors: fieldErrors(v.t, [{ field: 'colleague', key: 'colleagueSelf', params: {} }]),
    };
  }

  // Named in the messages below, perhaps before they ever wrote to Tasa.
  await ctx.naming.lookUp([colleague]);
  const named = await ctx.reader(person, cycle, actor.locale);

  const keys = keyFactorPromptKeys(keyFactor);
  const { result: taken, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return undefined;
    r.handOvers[keyFactor.id] = { to: colleague, by: person, at: ctx.clock.now().toISOString() };
    return takePrompts(r, keys);
  });
  const allowed = taken !== undefined;
  const name = departmentName(cycle, department, v.language);
  if (!allowed) return explainRefusal(ctx, person, 'errors.notAContact', { department: name });

  await createHandOverRepository(ctx.store).add(cycle.id, colleague, department);

  await closePrompts(
    ctx,
    cycle,
    department,
    keys,
    (reader) =>
      introClosedMessage(
        reader,
        department,
        keyFactor,
        reader.t('checkins:handOver.closed', { name: reader.nameOf(colleague) }),
      ),
    { record, taken },
  );
  const step = stepFor(record, department, keyFactor);
  if (step) {
    const cv = await ctx.reader(colleague, cycle);
    const summary = cv.t('checkins:handOver.received', {
      name: cv.nameOf(person),
      keyFactor: keyFactor.title[cv.language],
      department: departmentName(cycle, department, cv.language),
    });
    const sent = await sendStep(ctx, cycle, colleague, step, summary);
    if (!sent) await tell(ctx, person, 'handOver.unreachable', { name: named.nameOf(colleague) });
  }
  await tell(ctx, person, 'handOver.done', {
    keyFactor: keyFactor.title[v.language],
    name: named.nameOf(colleague),
  });
  // Someone who handed over their last key factor answered nothing: no thanks for "everything".
  const mine = await ctx.recordsFor(cycle, person, record);
  if (nextStep(cycle, mine, person, ctx.directory)) await continueWith(ctx, cycle, person, record);
  else await tell(ctx, person, 'handOver.nothingLeft', { cycle: cycle.id });
  return saved;
}
