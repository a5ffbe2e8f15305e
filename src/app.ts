import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { i18n } from 'i18next';
import type { FileOutcome } from './admin/settings.ts';
import { loadConfigFile } from './config/load.ts';
import type { WebClientOptions } from '@slack/web-api';
import { loadCatalogue, type Catalogue } from './catalogue/load.ts';
import type { Platform } from './chat/address.ts';
import type { OrganizationConfig } from './config/schema.ts';
import { createCore, type Core } from './core.ts';
import type { CycleDeps } from './cycles/lifecycle.ts';
import { routerPort } from './delivery/router.ts';
import { createDownloadsRepository } from './downloads/downloads-repository.ts';
import { downloadPath, type DownloadSettings } from './downloads/downloads.ts';
import { downloadRoute } from './downloads/route.ts';
import { createI18n, translatorFor } from './i18n/create.ts';
import { readResources } from './i18n/resources.ts';
import { healthRoutes, startHttpServer, type HttpServer } from './http/server.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import { metricsRoute } from './metrics/route.ts';
import { configuredPeople } from './people/configured.ts';
import { configuredEmails } from './people/configured-emails.ts';
import { createPlatformMemoryRepository } from './people/platform-memory-repository.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import { withTimeout } from './shared/timeout.ts';
import type { SlackSettings } from './slack/settings.ts';
import type { Store } from './store/store.ts';
import type { TeamsClientOptions } from './teams/adapter.ts';
import type { TeamsSettings } from './teams/settings.ts';

export interface TasaOptions {
  config: OrganizationConfig;
  /** The file `config` was read from: watched, and read again on SIGHUP, so edits need no restart. */
  configFile?: string;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** The one HTTP port: health checks and the platforms' endpoints. */
  port: number;
  localesDir?: string;
  /** Slack, when its variables are set. */
  slack?: SlackSettings;
  slackClientOptions?: WebClientOptions;
  /** Teams: with the bot registration's credentials, or anonymous for the Playground (TEAMS_LOCAL_DEV=1). */
  teams?: TeamsSettings;
  teamsClientOptions?: TeamsClientOptions;
  /** Whether this process runs the schedule (tests drive it themselves). */
  runSchedule?: boolean;
  /** How the core waits between paced sends (tests pass a quick one). */
  sleep?: (ms: number) => Promise<void>;
  /** What `/metrics` serves; a fresh registry when not given. */
  metrics?: Metrics;
  /** The wait between two e-mail lookups at start (Slack allows users.lookupByEmail ~50 a minute). */
  emailLookupGapMs?: number;
  /** Outbox items sent side by side (TASA_SEND_CONCURRENCY); one at a time when not given. */
  sendConcurrency?: number;
  /** Download links (TASA_PUBLIC_URL, TASA_DOWNLOAD_SECRET) for exports in Teams. */
  downloads?: Partial<DownloadSettings>;
}

/** A store that does not answer within this is not ready; probes must not hang. */
const storePingTimeoutMs = 2_000;
/** Start-up waits at most this long for the e-mail ids found before; the rest is found later. */
const emailIdsLoadTimeoutMs = 5_000;

export interface RunningTasa {
  readonly port: number;
  readonly i18n: i18n;
  readonly catalogue: Catalogue;
  readonly core: Core;
  readonly cycleDeps: CycleDeps;
  /** Reads the config file again, as an edit of it or SIGHUP does. */
  reloadConfig(): Promise<FileOutcome | undefined>;
  stop(): Promise<void>;
}

/** Wires the core and the platform adapters together and starts serving; everything is passed in. */
export async function startTasa(options: TasaOptions): Promise<RunningTasa> {
  const { config, store, logger, clock } = options;
  const i18n = createI18n(readResources(options.localesDir), config.organization.locale);
  const catalogue = loadCatalogue(i18n);
  const metrics = options.metrics ?? createMetrics({ logger });

  // Who Teams knows by their configured id follows the running configuration (see core.settings).
  let running = (): OrganizationConfig => config;
  let listedFrom: OrganizationConfig | undefined;
  let listed: ReturnType<typeof configuredPeople> = [];
  const teamsPeopleNow = (): ReturnType<typeof configuredPeople> => {
    const now = running();
    if (now !== listedFrom) [listedFrom, listed] = [now, configuredPeople(now, 'teams')];
    return listed;
  };

  // Each platform's adapter is loaded only when it is on: their SDKs (Bolt, the
  // Microsoft 365 Agents SDK) cost tens of MB resident each, and many cities use one.
  const slack = options.slack
    ? (await import('./slack/adapter.ts')).createSlackAdapter(options.slack, logger, {
        metrics,
        ...(options.slackClientOptions ? { clientOptions: options.slackClientOptions } : {}),
      })
    : undefined;
  if (!slack) {
    logger.info(
      {},
      'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) to turn it on',
    );
  }
  const teams = options.teams
    ? (await import('./teams/adapter.ts')).createTeamsAdapter(options.teams, {
        memory: createPlatformMemoryRepository(store, 'teams', () => clock.now().getTime()),
        logger,
        people: () => teamsPeopleNow(),
        channels: [config.channels.coordination.teams, config.channels.steering?.teams].filter(
          (id): id is string => id !== undefined,
        ),
        metrics,
        ...(options.teamsClientOptions ? { clientOptions: options.teamsClientOptions } : {}),
      })
    : undefined;
  if (!teams) {
    logger.info(
      {},
      'Teams is off: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn it on (or TEAMS_LOCAL_DEV=1 for the Playground)',
    );
  }
  const downloads = {
    ...options.downloads,
    secret: options.downloads?.secret ?? randomBytes(32).toString('base64url'),
  };
  if (teams && downloads.publicUrl && !options.downloads?.secret) {
    logger.warn(
      {},
      'TASA_DOWNLOAD_SECRET is not set: download links work only on the replica that made them',
    );
  }
  const platforms: Platform[] = [];
  if (slack) platforms.push('slack');
  if (teams) platforms.push('teams');
  const core = createCore({
    config,
    store,
    clock,
    logger,
    i18n,
    catalogue,
    platforms,
    port: routerPort({
      ...(slack ? { slack: slack.port } : {}),
      ...(teams ? { teams: teams.port } : {}),
    }),
    finders: {
      ...(slack ? { slack: slack.port } : {}),
      ...(teams ? { teams: teams.port } : {}),
    },
    ...(options.sleep ? { sleep: options.sleep } : {}),
    metrics,
    downloads,
    ...(options.sendConcurrency ? { outboxConcurrency: options.sendConcurrency } : {}),
  });
  metrics.observeBacklog(() => core.outbox.backlog());
  running = core.settings.current;
  // The store keeps the running people part: seeded from the file on first start, else it
  // takes in what the file changed while Tasa was down.
  await core.fileEdited({ ok: true, config }).catch((error: unknown) => {
    // The store may be away at start (readiness says so); the file's people part runs meanwhile.
    logger.error({ err: error }, 'the configuration could not be read from the store');
  });
  const reloadConfig = async (): Promise<FileOutcome | undefined> => {
    if (!options.configFile) return undefined;
    try {
      return await core.fileEdited(loadConfigFile(options.configFile));
    } catch (error) {
      // Mid-save the file may be briefly missing; the save's own event reads it again.
      logger.warn({ err: error }, 'tasa.yaml could not be read again');
      return undefined;
    }
  };
  const unwatch = options.configFile
    ? watchConfigFile(options.configFile, reloadConfig, logger)
    : () => undefined;
  const { cycleDeps } = core;
  // Only a config that names people by e-mail has them to find (and to tell /readyz about).
  const byEmail = configuredEmails(config).length > 0;
  slack?.listen(core.inbound);
  teams?.listen(core.inbound);

  const ready = async (): Promise<Record<string, boolean>> => {
    const storeUp = await withTimeout(store.ping(), storePingTimeoutMs, 'store ping').then(
      () => true,
      () => false,
    );
    // The config was parsed and validated before Tasa could start, so it is loaded.
    return {
      config: true,
      store: storeUp,
      ...(slack ? { slack: slack.ready() } : {}),
      ...(teams ? { teams: teams.ready() } : {}),
    };
  };
  const routes = new Map([
    ...healthRoutes(ready, () => (byEmail ? { people: core.emails.status() } : {})),
    ['/metrics', metricsRoute(metrics.registry)],
    [
      downloadPath,
      downloadRoute({
        repository: createDownloadsRepository(store),
        secret: downloads.secret,
        clock,
        logger,
        t: translatorFor(i18n, config.organization.locale),
        language: config.organization.locale,
      }),
    ],
    ...(slack?.routes ?? []),
    ...(teams?.routes ?? []),
  ]);
  const server: HttpServer = await startHttpServer({ port: options.port, logger, routes });
  await slack?.start();
  await teams?.start();
  // What earlier starts found, so the first sends need no lookups; never holds start-up long.
  if (byEmail) {
    await withTimeout(core.emails.resolver.load(), emailIdsLoadTimeoutMs, 'e-mail ids').catch(
      (error: unknown) =>
        logger.warn({ err: error }, 'e-mail ids not loaded; they are found later'),
    );
  }
  // In the background: a city of hundreds takes minutes at the pace the platforms allow.
  const resolving = core.emails
    .resolve({
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      gapMs: options.emailLookupGapMs ?? 1_200,
    })
    .catch((error: unknown) => {
      logger.warn({ err: error }, 'could not look up the e-mail addresses in tasa.yaml');
    });
  if (options.runSchedule ?? true) core.runner.start();
  logger.info(
    {
      organization: config.organization.id,
      departments: config.departments.length,
      frameworks: config.frameworks,
      store: store.backend,
      platforms,
      port: server.port,
    },
    'tasa started',
  );
  return {
    port: server.port,
    i18n,
    catalogue,
    core,
    cycleDeps,
    reloadConfig,
    async stop() {
      core.emails.stop();
      // A lookup in flight may be waiting out Slack's retries; it is not waited for long.
      await withTimeout(resolving, storePingTimeoutMs, 'e-mail lookups').catch(() => undefined);
      unwatch();
      await core.runner.stop();
      // No new requests first; then the work still answering earlier ones finishes.
      await server.close();
      await slack?.stop();
      await teams?.stop();
      await store.close();
      logger.info({}, 'tasa stopped');
    },
  };
}

/** How long a burst of file events (an editor's save is several) is waited out before reading. */
const settleMs = 150;

/**
 * Reads tasa.yaml again when it changes or on SIGHUP, one read at a time. The
 * folder is watched, not the file: editors save by writing a new file over it.
 */
function watchConfigFile(path: string, reload: () => Promise<unknown>, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  let reading: Promise<unknown> = Promise.resolve();
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      reading = reading.then(reload).catch((error: unknown) => {
        logger.error({ err: error }, 'tasa.yaml could not be applied');
      });
    }, settleMs);
  };
  const watcher = watch(dirname(path), (_event, name) => {
    if (name === basename(path)) soon();
  });
  watcher.on('error', (error) => logger.warn({ err: error }, 'tasa.yaml is no longer watched'));
  process.on('SIGHUP', soon);
  return () => {
    clearTimeout(timer);
    watcher.close();
    process.off('SIGHUP', soon);
  };
}
