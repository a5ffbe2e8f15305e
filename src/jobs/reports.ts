import { requestDigest, requestRollup, type ReportDeps } from '../reports/post.ts';
import type { Job } from '../scheduler/scheduler.ts';

/** The coordinating body's roll-up and the steering group's digest, on their schedules (working days). */
export function reportJob(deps: ReportDeps, kind: 'rollup' | 'digest', cron: string): Job {
  return {
    name: kind,
    cron,
    async run(slot) {
      const day = slot.id.slice(0, 10);
      const logger = deps.engine.context.logger;
      if (!deps.calendar.isWorkingDay(day)) {
        logger.info({ day, kind }, 'no roll-up or digest on a day off');
        return;
      }
      const outcome =
        kind === 'rollup' ? await requestRollup(deps, day) : await requestDigest(deps, day);
      logger.info({ day, kind, outcome }, 'scheduled report');
    },
  };
}
