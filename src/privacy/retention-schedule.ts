import { applyRetention } from './privacy.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';

/** Nightly: anonymises personal data older than the configured retention period. */
export function retentionJob(
  deps: { store: Store; clock: Clock; logger: Logger },
  years: number,
): Job {
  return {
    name: 'retention',
    cron: '20 3 * * *',
    async run() {
      const cutoff = new Date(deps.clock.now());
      cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
      const anonymised = await applyRetention(deps.store, cutoff.toISOString());
      deps.logger.info({ years, anonymised }, 'retention applied');
    },
  };
}
