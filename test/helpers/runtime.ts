import { pacedPort } from '../../src/chat/paced-port.ts';
import { createCheckInEngine } from '../../src/checkins/engine.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { checkInsJob, deliverCheckInItem } from '../../src/jobs/check-ins.ts';
import { openCycleJob } from '../../src/jobs/open-cycle.ts';
import { createRunner } from '../../src/jobs/runner.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { createDirectory } from '../../src/people/directory.ts';
import { workCalendar } from '../../src/scheduler/calendar.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import type { Store } from '../../src/store/store.ts';
import type { FakeChat } from './fake-chat.ts';
import { i18nFor } from './i18n.ts';

/**
 * One Tasa process on a fake platform: engine, outbox, paced port and
 * scheduler, sharing a store (and so a database) with other "replicas".
 */
export function createReplica(options: {
  config: OrganizationConfig;
  store: Store;
  clock: Clock;
  chat: FakeChat;
}) {
  const { config, store, clock, chat } = options;
  const logger = memoryLogger();
  const { i18n, catalogue } = i18nFor(config.organization.locale);
  const directory = createDirectory(config, ['slack', 'teams']);
  const calendar = workCalendar(config.organization.timezone, config.organization.holidays);
  const waits: number[] = [];
  // Virtual time for pacing: waits are recorded, not slept.
  let virtual = 0;
  const port = pacedPort(chat.port, {
    sleep: async (ms) => {
      waits.push(ms);
      virtual += ms;
    },
    now: () => virtual,
    logger,
  });
  const engine = createCheckInEngine({
    store,
    port,
    clock,
    logger,
    config,
    catalogue,
    i18n,
    directory,
    localDate: calendar.localDate,
  });
  const outbox = createOutbox({ store, clock, logger, deliver: deliverCheckInItem(store, engine) });
  const jobDeps = {
    store,
    outbox,
    directory,
    calendar,
    logger,
    clock,
    config,
    catalogue,
    localDate: calendar.localDate,
  };
  const scheduler = createScheduler({
    store,
    clock,
    timeZone: config.organization.timezone,
    graceMs: config.schedule.graceHours * 3_600_000,
    logger,
    jobs: [
      openCycleJob(jobDeps, config.schedule.openCycle),
      checkInsJob(jobDeps, config.schedule.checkIns),
    ],
  });
  const runner = createRunner(scheduler, outbox, logger);
  return { engine, outbox, scheduler, runner, logger, waits, directory, calendar };
}

/** Ticks a scheduler (or several, as replicas) minute by minute until `until`. */
export async function runUntil(
  clock: Clock & { advance(ms: number): void },
  until: Date,
  ...ticks: (() => Promise<void>)[]
) {
  while (clock.now() < until) {
    clock.advance(60_000);
    for (const tick of ticks) await tick();
  }
}
