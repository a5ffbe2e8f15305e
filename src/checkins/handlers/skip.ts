import { departmentName } from '../../cycles/cycle.ts';
import type { Actor, EngineContext } from '../context.ts';
import { resolveTarget } from '../flow.ts';
import { closePrompts, continueWith, takePrompts } from '../prompts.ts';
import { limits } from '../limits.ts';
import { introClosedMessage } from '../messages.ts';
import { updateRecord } from '../record-repository.ts';
import { textProblem } from '../validate.ts';
import { explainRefusal, fieldErrors, mayAnswer, saved, tell, type FormResult } from './shared.ts';

/** Every open prompt of a key factor: its intro, questions and rating. */
export const keyFactorPromptKeys = (keyFactor: {
  id: string;
  questions: { id: string }[];
}): string[] => [
  `${keyFactor.id}:intro`,
  ...keyFactor.questions.map((q) => q.id),
  `${keyFactor.id}:rating`,
];

/** Skips a key factor for the department; a reason is required and kept. */
export async function skipKeyFactor(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  input: { cycle: string; department: string; keyFactor: string; reason?: string },
): Promise<FormResult> {
  const target = await resolveTarget(ctx, input);
  if (!target.ok) return explainRefusal(ctx, person, target.key, target.params, input.reason);
  const { cycle, department, keyFactor } = target;
  const v = await ctx.reader(person, cycle, actor.locale);
  const reason = input.reason?.trim() ?? '';
  if (reason === '')
    return {
      ok: false,
      errors: fieldErrors(v.t, [{ field: 'reason', key: 'reasonRequired', params: {} }]),
    };
  const tooLong = textProblem('reason', reason, limits.reason);
  if (tooLong) return { ok: false, errors: fieldErrors(v.t, [tooLong]) };

  const keys = keyFactorPromptKeys(keyFactor);
  const { result: taken, record } = await updateRecord(ctx.store, cycle.id, department, (r) => {
    if (!mayAnswer(ctx, r, department, keyFactor.id, person)) return undefined;
    r.skips[keyFactor.id] = { reason, by: person, at: ctx.clock.now().toISOString() };
    return takePrompts(r, keys);
  });
  const name = departmentName(cycle, department, v.language);
  if (!taken)
    return explainRefusal(ctx, person, 'errors.notAContact', { department: name }, reason);
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
        reader.t('checkins:skip.closed', { name: reader.nameOf(person), reason }),
      ),
    { record, taken },
  );
  await tell(ctx, person, 'skip.done', {
    keyFactor: keyFactor.title[v.language],
    department: name,
  });
  await continueWith(ctx, cycle, person, record);
  return saved;
}
