import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Claim, Store } from '../store/store.ts';
import { cronMatcher, slotsBetween, type CronMatcher, type Slot } from './slots.ts';

export interface Job {
  name: string;
  /** Five-field cron expression in wall time of the scheduler's zone. */
  cron: string;
  run(slot: Slot): Promise<void>;
}

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  timeZone: string;
  /** How late a slot may still run, e.g. after downtime. */
  graceMs: number;
  logger: Logger;
  jobs: readonly Job[];
  /** Counts each due slot's outcome on this replica. */
  metrics?: MetricsSink;
}

export interface Scheduler {
  /** Runs whatever fell due since the previous tick. */
  tick(): Promise<void>;
  /** Ticks every minute until `stop()`. */
  start(): void;
  /** Stops ticking and waits for a tick in progress; a stopped scheduler does nothing. */
  stop(): Promise<void>;
}

/**
 * The claim on a slot is also the record that it ran, so it must outlive any
 * downtime, clock jump back or grace period by far.
 */
const RUN_MARKER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, timeZone, graceMs, logger } = options;
  const metrics = options.metrics ?? noMetrics;
  // Built up front so a bad expression fails at start-up, not at the first tick.
  const jobs = options.jobs.map((job) => ({ job, matcher: cronMatcher(job.cron) }));
  let previousTick: Date | undefined;
  /** Where a job whose slot could not be claimed (store down) looks back from next time. */
  const retryFrom = new Map<string, Date>();
  let minuteTask: ScheduledTask | undefined;
  let running: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  const runDue = async (
    job: Job,
    matcher: CronMatcher,
    from: Date,
    now: Date,
  ): Promise<'retry' | undefined> => {
    // After downtime only the latest missed slot is made up: one catch-up, not a burst.
    const slot = slotsBetween(matcher, timeZone, from, now).at(-1);
    if (!slot) return;
    const fields = { job: job.name, slot: slot.id, firesAt: slot.firesAt.toISOString() };
    const lateMs = now.getTime() - slot.firesAt.getTime();
    if (lateMs > graceMs) {
      logger.info({ ...fields, lateMs }, 'scheduled run skipped: too late to catch up');
      metrics.jobRun(job.name, 'skipped_late');
      return;
    }
    let claimed: Claim | null;
    try {
      claimed = await store.claim(`run:${job.name}:${slot.id}`, RUN_MARKER_TTL_MS);
    } catch (error) {
      // Tried again on the next tick (within the grace period): a store outage must not lose the slot.
      logger.error({ ...fields, err: error }, 'scheduled run not started: store unavailable');
      metrics.jobRun(job.name, 'failed');
      return 'retry';
    }
    if (!claimed) {
      logger.debug(fields, 'scheduled run already done elsewhere');
      metrics.jobRun(job.name, 'claim_lost');
      return;
    }
    try {
      await job.run(slot);
      logger.debug(fields, 'scheduled run finished');
      metrics.jobRun(job.name, 'ran');
    } catch (error) {
      logger.error({ ...fields, err: error }, 'scheduled run failed');
      metrics.jobRun(job.name, 'failed');
    }
  };

  const tick = async (): Promise<void> => {
    if (stopping) return;
    const now = clock.now();
    const from = previousTick ?? new Date(now.getTime() - graceMs);
    previousTick = now;
    // One after another: jobs share the store and the chat platforms' rate limits.
    for (const { job, matcher } of jobs) {
      const jobFrom = retryFrom.get(job.name) ?? from;
      if ((await runDue(job, matcher, jobFrom, now)) === 'retry') retryFrom.set(job.name, jobFrom);
      else retryFrom.delete(job.name);
    }
  };

  const onMinute = (): Promise<void> | undefined => {
    if (running) {
      logger.warn({}, 'scheduler tick skipped: the previous tick is still running');
      return undefined;
    }
    running = tick()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler tick failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const shutdown = async (): Promise<void> => {
    if (minuteTask) {
      await minuteTask.stop();
      await minuteTask.destroy();
      minuteTask = undefined;
    }
    await running;
    await Promise.all(jobs.map(({ matcher }) => matcher.close()));
  };

  return {
    tick,
    start: () => {
      if (minuteTask || stopping) return;
      minuteTask = cron.schedule('* * * * *', onMinute, {
        timezone: timeZone,
        name: 'tasa-scheduler',
        logger: cronLogger(logger),
      });
    },
    stop: () => (stopping ??= shutdown()),
  };
}

/** node-cron logs through its own interface; route it into ours. */
function cronLogger(logger: Logger): CronLogger {
  const error = (message: string | Error, err?: Error): void =>
    logger.error({ err: err ?? message }, `node-cron: ${String(message)}`);
  return {
    info: (message) => logger.info({}, `node-cron: ${message}`),
    warn: (message) => logger.warn({}, `node-cron: ${message}`),
    error,
    debug: (message) => logger.debug({}, `node-cron: ${String(message)}`),
  };
}
