import type { i18n } from 'i18next';
import { loadCatalogue, type Catalogue } from './catalogue/load.ts';
import type { OrganizationConfig } from './config/schema.ts';
import { createI18n } from './i18n/create.ts';
import { readResources } from './i18n/resources.ts';
import { healthRoutes, startHttpServer, type HttpServer } from './http/server.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import type { Store } from './store/store.ts';

export interface TasaOptions {
  config: OrganizationConfig;
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
  stop(): Promise<void>;
}

/** Wires the core together and starts serving; everything it needs is passed in. */
export async function startTasa(options: TasaOptions): Promise<RunningTasa> {
  const { config, store, logger } = options;
  const i18n = createI18n(readResources(options.localesDir), config.organization.locale);
  const catalogue = loadCatalogue(i18n);

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
  return {
    port: server.port,
    i18n,
    catalogue,
    async stop() {
      await server.close();
      await store.close();
      logger.info({}, 'tasa stopped');
    },
  };
}
