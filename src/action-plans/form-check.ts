import { textValue, type FormValues } from '../chat/actor.ts';
import type { Actor, EngineContext } from '../checkins/context.ts';
import { fieldErrors } from '../checkins/handlers/shared.ts';
import { limits } from '../checkins/limits.ts';
import { checkEvidence, textProblem, type InputProblem } from '../checkins/validate.ts';
import { checkItem, readDate } from './draft.ts';
import { itemInput, links } from './form-values.ts';
import type { PlanAction } from './plan-action.ts';
import type { PlanReader } from './reader.ts';

/** The checks a plan form can be given before anything is saved. */
export function checkPlanForm(
  ctx: EngineContext,
  v: PlanReader,
  actor: Actor,
  context: PlanAction,
  values: FormValues,
): Record<string, string> {
  const problems: InputProblem[] = [];
  const today = ctx.localDate(ctx.clock.now());
  if (context.kind === 'actionNew' || context.kind === 'actionEdit') {
    problems.push(
      ...checkItem(itemInput(values), {
        config: ctx.config,
        directory: ctx.directory,
        today,
        platform: actor.platform,
        isNew: context.kind === 'actionNew',
      }).problems,
    );
  } else if (context.kind === 'actionDone') {
    problems.push(...checkEvidence('evidence', links(values.evidence)).problems);
    const tooLong = textProblem('note', textValue(values.note), limits.note);
    if (tooLong) problems.push(tooLong);
  } else if (context.kind === 'actionNote') {
    if (textValue(values.note) === '')
      problems.push({ field: 'note', key: 'noteRequired', params: {} });
    const tooLong = textProblem('note', textValue(values.note), limits.note);
    if (tooLong) problems.push(tooLong);
  } else if (context.kind === 'actionMove') {
    if (textValue(values.reason) === '')
      problems.push({ field: 'reason', key: 'reasonRequired', params: {} });
    const tooLong = textProblem('reason', textValue(values.reason), limits.reason);
    if (tooLong) problems.push(tooLong);
    readDate('due', textValue(values.due), today, true, problems);
  }
  const checkins = problems.filter((p) => p.key === 'textTooLong' || p.key.startsWith('evidence'));
  const plans = problems.filter((p) => !checkins.includes(p));
  return { ...fieldErrors(v.t, checkins), ...plansErrors(v, plans) };
}

function plansErrors(v: PlanReader, problems: readonly InputProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const message = v.t(`actions:input.${problem.key}`, problem.params);
    errors[problem.field] = errors[problem.field] ? `${errors[problem.field]} ${message}` : message;
  }
  return errors;
}
