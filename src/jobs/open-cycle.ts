import type { CycleDeps } from '../cycles/lifecycle.ts';
import { openCycle } from '../cycles/lifecycle.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { Logger } from '../shared/logger.ts';
import { fanOutCheckIns, type CheckInJobDeps } from './check-ins.ts';

/** Opens the quarter's cycle on schedule, closing one still open, and asks everyone at once. */
export function openCycleJob(
  deps: CycleDeps & CheckInJobDeps & { logger: Logger },
  cron: string,
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
      await fanOutCheckIns(
        deps,
        result.cycle,
        slot.id.slice(0, 10),
        `cycleOpened:${result.cycle.id}`,
      );
    },
  };
}
