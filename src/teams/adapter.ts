import type { ChatPort } from '../chat/port.ts';
import type { ConfiguredPerson } from '../chat/address.ts';
import type { InboundPort } from '../inbound/port.ts';
import type { RouteHandler } from '../http/server.ts';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Logger } from '../shared/logger.ts';
import { teamsAgent } from './agent.ts';
import { backgroundWork } from './background.ts';
import { defaultRetryOptions, type RetryOptions } from './calls.ts';
import { teamsClient } from './client.ts';
import { teamsLimiter, type LimiterOptions } from './limits.ts';
import { messagesRoute } from './http.ts';
import { invokeCaptures } from './invoke-capture.ts';
import { registerListeners } from './listeners/index.ts';
import { teamsPeople } from './people.ts';
import { teamsPort } from './port.ts';
import { referenceBook, type TeamsMemory } from './references.ts';
import { isAnonymous, type TeamsSettings } from './settings.ts';

export interface TeamsAdapter {
  readonly port: ChatPort;
  /** `/api/messages`, where the Bot Connector posts activities. */
  readonly routes: ReadonlyMap<string, RouteHandler>;
  /** Hands Teams' activities to the core's way in. */
  listen(inbound: InboundPort): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * For /readyz. Teams holds no connection (the Bot Connector posts to us), so
   * ready means constructed and serving `/api/messages`, until stopped.
   */
  ready(): boolean;
}

export interface TeamsClientOptions {
  /** How Bot Connector calls are retried (tests shorten the waits). */
  retry?: Partial<RetryOptions>;
  /** The clock Teams' limits are kept by (milliseconds; the bench runs its own). */
  limits?: Partial<LimiterOptions>;
}

export interface TeamsAdapterOptions {
  /** Where conversation references, aliases and sent form cards are kept. */
  memory: TeamsMemory;
  logger: Logger;
  /** Who is configured with a Teams id: matched when they write, listed in the people picker. */
  people: readonly ConfiguredPerson[] | (() => readonly ConfiguredPerson[]);
  /** Configured Teams channels (19:…): their teams' rosters are where people are found by e-mail. */
  channels?: readonly string[];
  clientOptions?: TeamsClientOptions;
  /** Counts the waits the Bot Connector asks for with 429. */
  metrics?: MetricsSink;
}

/** How long stop() waits for work still answering earlier requests. */
const stopGraceMs = 8_000;

/**
 * Tasa in Microsoft Teams, on the Microsoft 365 Agents SDK. The SDK only
 * translates: activities in, Adaptive Cards out; everything else is the core's.
 */
export function createTeamsAdapter(
  settings: TeamsSettings,
  options: TeamsAdapterOptions,
): TeamsAdapter {
  const { memory, logger } = options;
  const { adapter, app } = teamsAgent(settings);
  const metrics = options.metrics ?? noMetrics;
  const retry: RetryOptions = {
    ...defaultRetryOptions,
    ...options.clientOptions?.retry,
    onRateLimitWait: (ms) => metrics.rateLimitWait('teams', ms),
  };
  const limiter = teamsLimiter({
    now: () => performance.now(),
    sleep: retry.sleep,
    ...options.clientOptions?.limits,
  });
  const client = teamsClient(adapter, settings, retry, limiter);
  let started = false;
  const book = referenceBook(memory);
  const people = teamsPeople(options.people, book, logger);
  const background = backgroundWork(logger);
  const captures = invokeCaptures();

  return {
    port: teamsPort({
      client,
      book,
      memory,
      people: people.configured,
      captures,
      ...(options.channels ? { channels: options.channels } : {}),
    }),
    routes: new Map([
      ['/api/messages', messagesRoute(adapter, app, { logger, localDev: isAnonymous(settings) })],
    ]),
    listen(inbound) {
      registerListeners(app, {
        inbound,
        logger,
        client,
        book,
        memory,
        people,
        captures,
        later: (name, work) => background.run(name, work),
      });
    },
    async start() {
      started = true;
      if (isAnonymous(settings)) {
        logger.warn(
          {},
          'Teams in local development mode (TEAMS_LOCAL_DEV=1): requests to /api/messages are not authenticated and may name any serviceUrl; for the Playground only',
        );
      } else {
        logger.info(
          { appId: settings.appId },
          'Teams connected: /api/messages requires a signed request',
        );
      }
    },
    async stop() {
      started = false;
      await background.idle(stopGraceMs);
    },
    ready: () => started,
  };
}
