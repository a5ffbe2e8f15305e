import cron, { type ScheduledTask } from 'node-cron';
import type { Outbox } from '../outbox/outbox.ts';
import type { Scheduler } from './scheduler.ts';
import type { Logger } from '../shared/logger.ts';

export interface Runner {
  /** One minute's work: due jobs, then whatever the outbox still has to send. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Drives the scheduler and the outbox. Draining every minute is what resumes
 * a fan-out that a crashed replica left half-sent.
 */
export function createRunner(scheduler: Scheduler, outbox: Outbox, logger: Logger): Runner {
  let drainTask: ScheduledTask | undefined;
  let draining: Promise<unknown> | undefined;
  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = outbox
      .drain()
      .catch((error: unknown) => logger.error({ err: error }, 'outbox drain failed'));
    await draining;
    draining = undefined;
  };
  return {
    async tick() {
      await scheduler.tick();
      await drain();
    },
    start() {
      scheduler.start();
      drainTask = cron.schedule('30 * * * * *', drain, { name: 'outbox-drain', noOverlap: true });
    },
    async stop() {
      // A fan-out in progress (here or inside a job) ends after its current item, so stopping
      // takes seconds, not the minutes a paced fan-out can; the outbox keeps the rest.
      outbox.stop();
      await drainTask?.destroy();
      await scheduler.stop();
      await draining;
    },
  };
}
