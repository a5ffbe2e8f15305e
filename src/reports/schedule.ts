import { onWorkingDay } from '../people/fan-out.ts';
import type { Job } from '../scheduler/scheduler.ts';
import { requestDigest, requestRollup, type ReportDeps } from './post.ts';

/** The coordinating body's roll-up and the steering group's digest, on their schedules (working days). */
export function reportJob(deps: ReportDeps, kind: 'rollup' | 'digest', cron: string): Job {
  return {
    name: kind,
    cron,
    async run(slot) {
      const day = slot.id.slice(0, 10);
      const logger = deps.engine.context.logger;
      const what = kind === 'rollup' ? 'roll-up' : 'digest';
      if (!onWorkingDay({ calendar: deps.calendar, logger }, day, what)) return;
      const outcome =
        kind === 'rollup' ? await requestRollup(deps, day) : await requestDigest(deps, day);
      logger.info({ day, kind, outcome }, 'scheduled report');
    },
  };
}
