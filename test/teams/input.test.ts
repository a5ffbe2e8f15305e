import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botId, startTeamsTasa, tenantId, users } from './harness.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

/** A well-formed message in Kalle's personal chat, to break one part of at a time. */
const message = (): Record<string, unknown> => ({
  type: 'message',
  id: 'f:1',
  channelId: 'msteams',
  serviceUrl: world.connector.url,
  from: { id: users.kalle.id, name: users.kalle.name, aadObjectId: users.kalle.aadObjectId },
  recipient: { id: botId, name: 'Tasa' },
  conversation: { id: 'a:personal-kalle', conversationType: 'personal', tenantId },
  text: 'help',
});

const without = (key: string) =>
  Object.fromEntries(Object.entries(message()).filter(([name]) => name !== key));

describe('Teams activities Tasa cannot read', () => {
  const shapes: [string, () => Record<string, unknown>][] = [
    ['an empty object', () => ({})],
    ['no type', () => without('type')],
    ['no sender', () => without('from')],
    ['no conversation', () => without('conversation')],
    ['a sender id that is a number', () => ({ ...message(), from: { id: 42 } })],
    ['a conversation id that is an object', () => ({ ...message(), conversation: { id: {} } })],
    ['text that is an object', () => ({ ...message(), text: { bold: 'help' } })],
    ['a locale that is a number', () => ({ ...message(), locale: 1 })],
    ['entities that are not a list', () => ({ ...message(), entities: 'mention' })],
    ['an entity without a type', () => ({ ...message(), entities: [{ text: '<at>Tasa</at>' }] })],
    ['an entity that is null', () => ({ ...message(), entities: [null] })],
    [
      'members added that are not a list',
      () => ({ ...message(), type: 'conversationUpdate', membersAdded: botId }),
    ],
    [
      'a member added without an id',
      () => ({ ...message(), type: 'conversationUpdate', membersAdded: [{ name: 'Tasa' }] }),
    ],
    [
      'members removed that hold a number',
      () => ({ ...message(), type: 'conversationUpdate', membersRemoved: [7] }),
    ],
    ['a service URL that is not a URL', () => ({ ...message(), serviceUrl: 'not a url' })],
  ];

  it.each(shapes)('answers %s with 400 and a warning', async (_name, shape) => {
    const response = await world.post(shape());
    expect(response.status).toBe(400);
    expect(world.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(world.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'teams activity refused: not readable' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(world.connector.calls).toEqual([]);
  });

  it('still answers a well-formed message', async () => {
    const { status, reply } = await world.person(users.kalle).say('help');
    expect(status).toBe(200);
    expect(reply).not.toBe('');
  });
});
