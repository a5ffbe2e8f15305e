import type { Job } from '../scheduler/scheduler.ts';
import type { Logger } from '../shared/logger.ts';
import type { Cycle } from './cycle.ts';
import { openCycle, type CycleDeps } from './lifecycle.ts';

/**
 * Opens the quarter's cycle on schedule, closing one still open, then hands
 * it on (to ask everyone at once) with the local day and a batch id of its own.
 */
export function openCycleJob(
  deps: CycleDeps & { logger: Logger },
  cron: string,
  opened: (cycle: Cycle, day: string, batch: string) => Promise<unknown>,
): Job {
  return {
    name: 'openCycle',
    cron,
    async run(slot) {
      const result = await openCycle(deps, { by: 'schedule', supersede: true });
      if (!result.ok) {
        deps.logger.info({ code: result.code, ...result.params }, 'scheduled cycle not opened');
        return;
      }
      deps.logger.info(
        { cycle: result.cycle.id, closed: result.closed?.id, due: result.cycle.dueDate },
        'cycle opened',
      );
      await opened(result.cycle, slot.id.slice(0, 10), `cycleOpened:${result.cycle.id}`);
    },
  };
}
