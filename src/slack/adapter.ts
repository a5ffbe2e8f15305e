import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { ChatPort } from '../chat/port.ts';
import type { RouteHandler } from '../http/server.ts';
import type { Logger } from '../shared/logger.ts';
import type { SlackDeps } from './deps.ts';
import { registerListeners } from './listeners/index.ts';
import { slackLocales } from './locale.ts';
import { slackPort } from './port.ts';
import type { SlackSettings } from './settings.ts';

/** Bolt logs through Tasa's logger. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line =
    (write: (fields: object, message: string) => void) =>
    (...messages: unknown[]) =>
      write({ source: 'bolt' }, messages.map(String).join(' '));
  return {
    debug: line((f, m) => logger.debug(f, m)),
    info: line((f, m) => logger.info(f, m)),
    warn: line((f, m) => logger.warn(f, m)),
    error: line((f, m) => logger.error(f, m)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export interface SlackAdapter {
  readonly port: ChatPort;
  /** `/slack/events` in HTTP mode; none in Socket Mode. */
  readonly routes: ReadonlyMap<string, RouteHandler>;
  /** Registers the listeners once the core exists. */
  connect(deps: Omit<SlackDeps, 'localeOf'>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SlackAdapterOptions {
  /** Extra WebClient options (tests shorten retries). */
  clientOptions?: WebClientOptions;
}

/**
 * Tasa in Slack. The Bolt app only translates: payloads in, Block Kit out;
 * everything else is the core's.
 */
export function createSlackAdapter(
  settings: SlackSettings,
  logger: Logger,
  options: SlackAdapterOptions = {},
): SlackAdapter {
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...options.clientOptions,
  };
  const bolt = boltLogger(logger);
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (settings.mode === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: '/slack/events',
      logger: bolt,
    });
    app = new App({ token: settings.botToken, receiver, logger: bolt, clientOptions });
  } else {
    app = new App({
      token: settings.botToken,
      appToken: settings.appToken,
      socketMode: true,
      logger: bolt,
      clientOptions,
    });
  }
  // One error handler for Slack: people get their messages from the core; here it is only logged.
  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, 'slack handler failed');
  });
  const routes = new Map<string, RouteHandler>(
    receiver ? [['/slack/events', receiver.requestListener]] : [],
  );

  const localeOf = slackLocales(app.client, logger);
  return {
    port: slackPort(app.client, localeOf),
    routes,
    connect(deps) {
      registerListeners(app, { ...deps, localeOf });
    },
    async start() {
      if (settings.mode === 'socket') await app.start();
      logger.info({ mode: settings.mode }, 'slack connected');
    },
    async stop() {
      if (settings.mode === 'socket') await app.stop();
    },
  };
}
