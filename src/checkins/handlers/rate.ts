import { departmentName } from '../../cycles/cycle.ts';
import { isKeyFactorRating, type Rating } from '../answer.ts';
import type { Actor, EngineContext } from '../context.ts';
import { isLate, resolveTarget } from '../flow.ts';
import { closePrompts, continueWith, takePrompts } from '../prompts.ts';
import { limits } from '../limits.ts';
import { notice } from '../../chat/views.ts';
import { ratedMessage } from '../messages.ts';
import { gapActionButtons } from '../gap-actions.ts';
import { updateRecord } from '../record-repository.ts';
import { textProblem, type InputProblem } from '../validate.ts';
import { explainRefusal, fieldErrors, mayAnswer, saved, type FormResult } from './shared.ts';

export interface RatingInput {
  cycle: string;
  department: string;
  keyFactor: string;
  rating?: string;
  /** Undefined keeps the earlier ones (a rating button click). */
  limitingFactors?: string[];
  note?: string;
}

/** The department's own rating of a key factor as a whole, with what limits it. */
export async function rateKeyFactor(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  input: RatingInput,
): Promise<FormResult> {
  const target = await resolveTarget(ctx, input);
  if (!target.ok) return explainRefusal(ctx, person, target.key, target.params, input.note);
  const { cycle, department, keyFactor } = target;
  const v = await ctx.reader(person, cycle, actor.locale);

  const problems: InputProblem[] = [];
  if (!isKeyFactorRating(input.rating))
    problems.push({ field: 'rating', key: 'ratingRequired', params: {} });
  const note = input.note?.trim();
  const tooLong = note === undefined ? undefined : textProblem('note', note, limits.note);
  if (tooLong) problems.push(tooLong);
  const known = new Set(cycle.contextualFactors.map((f) => f.id));
  const unknown = (input.limitingFactors ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0)
    problems.push({
      field: 'limitingFactors',
      key: 'unknownFactor',
      params: { factors: unknown.join(', ') },
    });
  if (problems.length > 0 || !isKeyFactorRating(input.rating))
    return { ok: false, errors: fieldErrors(v.t, problems) };
  const chosen = input.rating;

  const keys = [`${keyFactor.id}:rating`];
  const { result: change, record: savedRecord } = await updateRecord(
    ctx.store,
    cycle.id,
    department,
    (record) => {
      if (!mayAnswer(ctx, record, department, keyFactor.id, person)) return undefined;
      const existing = record.ratings[keyFactor.id];
      const { history: earlier = [], ...previous } = existing ?? { history: [] };
      const rating: Rating = {
        rating: chosen,
        limitingFactors: input.limitingFactors ?? existing?.limitingFactors ?? [],
        note: note ?? existing?.note ?? '',
        by: person,
        at: ctx.clock.now().toISOString(),
        late: isLate(ctx, cycle),
        history: existing ? [...earlier, previous as Omit<Rating, 'history'>] : [],
      };
      record.ratings[keyFactor.id] = rating;
      return { rating, taken: takePrompts(record, keys) };
    },
  );
  const result = change?.rating;
  if (!change || !result) {
    const name = departmentName(cycle, department, v.language);
    return explainRefusal(ctx, person, 'errors.notAContact', { department: name }, input.note);
  }
  await closePrompts(
    ctx,
    cycle,
    department,
    keys,
    (reader) => ratedMessage(reader, department, keyFactor, result),
    { record: savedRecord, taken: change.taken },
  );
  const name = departmentName(cycle, department, v.language);
  const done = v.t('checkins:done.keyFactor', {
    keyFactor: keyFactor.title[v.language],
    department: name,
  });
  const record = savedRecord;
  const gaps = keyFactor.questions.filter((q) =>
    ['no', 'partly'].includes(record.answers[q.id]?.status ?? ''),
  );
  // Where the answers found gaps, offer to turn them into a measure of the action plan.
  await ctx.sendTo(
    person,
    gaps.length === 0
      ? notice(done)
      : {
          text: done,
          blocks: [
            { type: 'text', text: done },
            { type: 'text', text: v.t('checkins:done.gaps', { count: gaps.length }) },
            {
              type: 'actions',
              buttons: [
                {
                  label: v.t('actions:buttons.new'),
                  action: { kind: 'actionNew', department, serves: keyFactor.id },
                },
                ...gapActionButtons(v.t, department, gaps),
              ],
            },
          ],
        },
  );
  await continueWith(ctx, cycle, person, record);
  return saved;
}
