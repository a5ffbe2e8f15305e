import { isOpen } from '../cycles/cycle.ts';
import { getCycle } from '../cycles/repository.ts';
import { formatDate } from '../i18n/format.ts';
import { updatePersonState } from '../people/preferences.ts';
import type { EngineContext } from './context.ts';
import { sendStep } from './prompts.ts';
import { nextStep, openWork } from './progress.ts';

export type CheckInOutcome = 'sent' | 'nothing-open' | 'unreachable';

/**
 * A scheduled check-in for one person: a line on how much is open, and the
 * next thing to answer. Counted as the person's one prompt of the day.
 */
export async function deliverCheckIn(
  ctx: EngineContext,
  person: string,
  cycleId: string,
  day: string,
): Promise<CheckInOutcome> {
  const cycle = await getCycle(ctx.store, cycleId);
  if (!cycle || !isOpen(cycle)) return 'nothing-open';
  const records = await ctx.recordsFor(cycle, person);
  const step = nextStep(cycle, records, person, ctx.directory);
  if (!step) return 'nothing-open';
  const work = openWork(cycle, records, person, ctx.directory);
  const v = await ctx.reader(person, cycle);
  const summary = v.t('checkins:checkIn.summary', {
    count: work.reduce((sum, w) => sum + w.questions.length, 0),
    keyFactors: work.length,
    cycle: cycle.id,
    due: formatDate(cycle.dueDate, v.language),
  });
  const ref = await sendStep(ctx, cycle, person, step, summary);
  if (!ref) return 'unreachable';
  await updatePersonState(ctx.store, person, (state) => ({ ...state, lastPromptedOn: day }));
  return 'sent';
}
