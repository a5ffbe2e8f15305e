import type { EngineContext } from '../context.ts';
import { resolveTarget } from '../flow.ts';
import { sendStep } from '../prompts.ts';
import { explainRefusal } from './shared.ts';

/** "Back": the previous question again, with its answer, to change it while the cycle is open. */
export async function goBack(
  ctx: EngineContext,
  person: string,
  where: { cycle: string; department: string; question: string },
): Promise<void> {
  const target = await resolveTarget(ctx, where);
  if (!target.ok || !target.question) {
    if (!target.ok) await explainRefusal(ctx, person, target.key, target.params);
    return;
  }
  const { cycle, department, keyFactor, question } = target;
  const previous = keyFactor.questions[question.number - 2];
  if (!previous) return;
  await sendStep(ctx, cycle, person, {
    kind: 'question',
    department,
    keyFactor,
    question: previous,
  });
}
