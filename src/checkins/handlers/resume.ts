import { openCycleOf } from '../../cycles/repository.ts';
import type { EngineContext } from '../context.ts';
import { sendStep } from '../prompts.ts';
import { nextStep } from '../progress.ts';
import { tell } from './shared.ts';

/** "Continue": the person's next step again, wherever they left off. */
export async function resume(ctx: EngineContext, person: string): Promise<void> {
  const cycle = await openCycleOf(ctx.store);
  if (!cycle) {
    await tell(ctx, person, 'errors.noOpenCycle');
    return;
  }
  const step = nextStep(cycle, await ctx.recordsFor(cycle, person), person, ctx.directory);
  if (!step) {
    await tell(ctx, person, 'done.all', { cycle: cycle.id });
    return;
  }
  await sendStep(ctx, cycle, person, step);
}
