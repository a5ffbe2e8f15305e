import type { OrganizationConfig } from '../../src/config/schema.ts';
import { createCore } from '../../src/core.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import type { Store } from '../../src/store/store.ts';
import type { FakeChat } from './fake-chat.ts';
import { i18nFor } from './i18n.ts';

/**
 * One Tasa process on a fake platform: the whole core (engine, outbox, paced
 * port, scheduler), sharing a store (and so a database) with other "replicas".
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
  const waits: number[] = [];
  // Virtual time for pacing: waits are recorded, not slept.
  let virtual = 0;
  const core = createCore({
    config,
    store,
    clock,
    logger,
    i18n,
    catalogue,
    platforms: ['slack', 'teams'],
    port: chat.port,
    sleep: async (ms) => {
      waits.push(ms);
      virtual += ms;
    },
    now: () => virtual,
  });
  const cycleDeps = { store, clock, config, catalogue, localDate: core.calendar.localDate };
  return { ...core, core, cycleDeps, logger, waits };
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
