import type { Request } from '@microsoft/agents-hosting';
import { afterEach, describe, expect, it } from 'vitest';
import { UnreachableError } from '../../src/chat/port.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { teamsAgent } from '../../src/teams/agent.ts';
import { defaultRetryOptions } from '../../src/teams/calls.ts';
import { teamsClient } from '../../src/teams/client.ts';
import { messagesRoute } from '../../src/teams/http.ts';
import type { TeamsReach } from '../../src/teams/references.ts';
import { startFakeBotConnector } from '../helpers/fake-bot-connector.ts';
import { botId, startTeamsTasa, tenantId, users } from './harness.ts';

const registration = {
  appId: 'a1b2c3d4-0000-4000-8000-00000000b0b0',
  appPassword: 'secret',
  tenantId,
};
const teamsCloud = 'https://smba.trafficmanager.net/emea/';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A message as the coordinator, asking Tasa to answer at `serviceUrl`. */
const asCoordinator = (serviceUrl: string) => ({
  type: 'message',
  id: 'f:1',
  channelId: 'msteams',
  serviceUrl,
  from: { id: users.coordinator.id, name: users.coordinator.name },
  recipient: { id: botId, name: 'Tasa' },
  conversation: { id: 'a:elsewhere', conversationType: 'personal', tenantId },
  text: 'cycle start 2027-Q1 15.2.2027',
});

describe('Tasa in Teams with a bot registration', () => {
  it('refuses an unsigned activity claiming to be the coordinator, and keeps their address', async () => {
    const world = await startTeamsTasa({ teams: registration });
    cleanups.push(() => world.stop());
    const stored: TeamsReach = {
      reference: {
        serviceUrl: teamsCloud,
        channelId: 'msteams',
        conversation: { id: 'a:coordinator-chat', conversationType: 'personal' },
        agent: { id: botId },
        user: { id: users.coordinator.id },
      },
    };
    await world.store.set(`teams-ref:${users.coordinator.id}`, stored);

    const response = await world.post(asCoordinator(world.connector.url));
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await world.store.get(`teams-ref:${users.coordinator.id}`)).toEqual(stored);
    expect(world.connector.calls).toEqual([]);
  });

  /** The real route and adapter, with the SDK's token check standing in for one that passed. */
  async function routeWithToken(claims: Request['user']) {
    const logger = memoryLogger();
    const { adapter, app } = teamsAgent(registration);
    adapter.authorizeRequest = async (req, _res, next) => {
      if (claims) req.user = claims;
      next();
    };
    const routes = new Map([
      ['/api/messages', messagesRoute(adapter, app, { logger, localDev: false })],
    ]);
    const server = await startHttpServer({ port: 0, logger, routes });
    cleanups.push(() => server.close());
    const post = async (activity: unknown) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return { status: response.status, body: await response.text() };
    };
    return { post, logger };
  }

  it('refuses a serviceUrl outside the Bot Connector’s hosts, even with a valid token', async () => {
    const connector = await startFakeBotConnector();
    cleanups.push(() => connector.close());
    const { post, logger } = await routeWithToken({
      aud: registration.appId,
      serviceurl: connector.url,
    });
    for (const serviceUrl of [
      connector.url,
      'https://evil.example/',
      'http://smba.trafficmanager.net/emea/',
    ]) {
      const response = await post(asCoordinator(serviceUrl));
      expect({ serviceUrl, status: response.status }).toEqual({ serviceUrl, status: 400 });
    }
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'teams activity refused: its serviceUrl is not the Bot Connector',
      }),
    );
    // A Bot Connector host that is not the one named in the token: the SDK refuses it.
    expect((await post(asCoordinator(teamsCloud))).status).toBe(400);
    expect(connector.calls).toEqual([]);
  });

  it('refuses an activity the SDK let through without a token', async () => {
    const { post, logger } = await routeWithToken(undefined);
    expect((await post(asCoordinator(teamsCloud))).status).toBe(401);
    expect(logger.lines.map((line) => line.message)).toContain(
      'teams activity refused: not signed by the Bot Connector',
    );
  });

  it('never posts to a stored reference outside the Bot Connector’s hosts', async () => {
    const connector = await startFakeBotConnector();
    cleanups.push(() => connector.close());
    const { adapter } = teamsAgent(registration);
    const reference = {
      serviceUrl: connector.url,
      channelId: 'msteams',
      conversation: { id: 'a:coordinator-chat' },
      agent: { id: botId },
    };
    const client = teamsClient(adapter, registration, { ...defaultRetryOptions, attempts: 1 });
    await expect(client.send(reference, { type: 'message', text: 'hi' })).rejects.toBeInstanceOf(
      UnreachableError,
    );
    // The SDK's own policy refuses it too, for any call that does not go through the client.
    await expect(
      adapter.continueConversation(registration.appId, reference, async () => undefined),
    ).rejects.toThrow(/not in the configured allowed hosts/);
    expect(connector.calls).toEqual([]);
  });
});
