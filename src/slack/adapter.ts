import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { WebClientEvent, type WebClientOptions } from '@slack/web-api';
import type { ChatPort } from '../chat/port.ts';
import type { InboundPort } from '../inbound/port.ts';
import type { RouteHandler } from '../http/server.ts';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Logger } from '../shared/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackEventsRoute } from './http.ts';
import { registerListeners } from './listeners/index.ts';
import { slackProfiles } from './locale.ts';
import { slackPort } from './port.ts';
import type { SlackSettings } from './settings.ts';

export interface SlackAdapter {
  readonly port: ChatPort;
  /** `/slack/events` in HTTP mode; none in Socket Mode. */
  readonly routes: ReadonlyMap<string, RouteHandler>;
  /** Hands Slack's events to the core's way in. */
  listen(inbound: InboundPort): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For /readyz: HTTP mode serves its endpoint; Socket Mode holds an open connection. */
  ready(): boolean;
}

export interface SlackAdapterOptions {
  /** Extra WebClient options (tests shorten retries). */
  clientOptions?: WebClientOptions;
  /** Counts the waits Slack's WebClient makes on 429 before retrying. */
  metrics?: MetricsSink;
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
  let started = false;
  let socketConnected = false;
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (settings.mode === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: settings.signingSecret,
      endpoints: '/slack/events',
      logger: bolt,
    });
    // Initialised in start(), so a rejected token is a clear log line rather than a crash.
    app = new App({
      token: settings.botToken,
      receiver,
      logger: bolt,
      clientOptions,
      deferInitialization: true,
    });
  } else {
    // Built here rather than by Bolt, so its client's connection state is observable.
    const socket = new SocketModeReceiver({ appToken: settings.appToken, logger: bolt });
    socket.client.on('connected', () => {
      socketConnected = true;
    });
    for (const lost of ['disconnected', 'reconnecting'])
      socket.client.on(lost, () => {
        socketConnected = false;
      });
    app = new App({
      token: settings.botToken,
      receiver: socket,
      logger: bolt,
      clientOptions,
      deferInitialization: true,
    });
  }
  // Tasa's sends go through this client; it waits out a 429 itself, so the wait is counted here.
  const metrics = options.metrics ?? noMetrics;
  app.client.on(WebClientEvent.RATE_LIMITED, (seconds: number) =>
    metrics.rateLimitWait('slack', seconds * 1000),
  );
  // One error handler for Slack: people get their messages from the core; here it is only logged.
  app.error(async (error) => {
    logger.error({ err: error, code: (error as { code?: string }).code }, 'slack handler failed');
  });
  const routes = new Map<string, RouteHandler>(
    receiver && settings.mode === 'http'
      ? [['/slack/events', slackEventsRoute(receiver, settings.signingSecret, logger)]]
      : [],
  );

  const profileOf = slackProfiles(app.client, logger);
  return {
    port: slackPort(app.client, profileOf),
    routes,
    listen(inbound) {
      registerListeners(app, { inbound, logger, profileOf });
    },
    async start() {
      const connecting = (async () => {
        await app.init();
        if (settings.mode === 'socket') await app.start();
        started = true;
        logger.info({ mode: settings.mode }, 'slack connected');
      })().catch((error: unknown) => {
        // Tasa keeps running (Teams, the schedule); /readyz reports Slack as not ready.
        logger.error(
          { err: error, mode: settings.mode },
          'Slack could not start: check SLACK_BOT_TOKEN (and SLACK_APP_TOKEN)',
        );
      });
      // Slack down at boot must not hold up the rest of Tasa: wait a while, then go on.
      await Promise.race([
        connecting,
        new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
      ]);
    },
    async stop() {
      started = false;
      if (settings.mode === 'socket') await app.stop();
    },
    ready: () => started && (settings.mode === 'http' || socketConnected),
  };
}
