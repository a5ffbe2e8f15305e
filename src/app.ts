import type { i18n } from 'i18next';
import { loadCatalogue, type Catalogue } from './catalogue/load.ts';
import type { OrganizationConfig } from './config/schema.ts';
import { createI18n } from './i18n/create.ts';
import { readResources } from './i18n/resources.ts';
import { healthRoutes, startHttpServer, type HttpServer } from './http/server.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import type { Store } from './store/store.ts';
import type { Platform } from './chat/address.ts';
import { disconnectedPort } from './chat/disconnected-port.ts';
import type { ChatPort } from './chat/port.ts';
import { createCore, type Core } from './core.ts';

export interface TasaOptions {
  config: OrganizationConfig;
  /** Connected platforms and the chat port to them; none while Slack and Teams are off. */
  platforms?: readonly Platform[];
  chat?: ChatPort;
  /** Whether this process runs the schedule (tests drive it themselves). */
  runSchedule?: boolean;
  store: Store;
  logger: Logger;
  clock: Clock;
  port: number;
  localesDir?: string;
}

export interface RunningTasa {
  readonly port: number;
  readonly i18n: i18n;
  readonly catalogue: Catalogue;
  readonly core: Core;
  stop(): Promise<void>;
}

/** Wires the core together and starts serving; everything it needs is passed in. */
export async function startTasa(options: TasaOptions): Promise<RunningTasa> {
  const { config, store, logger } = options;
  const i18n = createI18n(readResources(options.localesDir), config.organization.locale);
  const catalogue = loadCatalogue(i18n);
  const core = createCore({
    config,
    store,
    clock: options.clock,
    logger,
    i18n,
    catalogue,
    platforms: options.platforms ?? [],
    port: options.chat ?? disconnectedPort,
  });

  const ready = async (): Promise<Record<string, boolean>> => {
    const storeUp = await store.ping().then(
      () => true,
      () => false,
    );
    return { config: true, store: storeUp };
  };
  const server: HttpServer = await startHttpServer({
    port: options.port,
    logger,
    routes: healthRoutes(ready),
  });
  logger.info(
    {
      organization: config.organization.id,
      departments: config.departments.length,
      frameworks: config.frameworks,
      store: store.backend,
      port: server.port,
    },
    'tasa started',
  );
  if (options.runSchedule ?? true) core.runner.start();
  return {
    port: server.port,
    i18n,
    catalogue,
    core,
    async stop() {
      await core.runner.stop();
      await server.close();
      await store.close();
      logger.info({}, 'tasa stopped');
    },
  };
}
