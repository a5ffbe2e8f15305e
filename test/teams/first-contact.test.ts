import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botId, cardOf, cardText, startTeamsTasa, tenantId, users, waitFor } from './harness.ts';

/*
 * The first words Tasa says to someone in Teams are in their language: the
 * one they chose, else the locale Teams gives for them (the activity's, or
 * the clientInfo entity's when that is all an install carries), else the
 * organisation's (English in the test city).
 */

const welcome = {
  en: 'Hello! I am Tasa.',
  fi: 'Hei! Olen Tasa.',
  sv: 'Hej! Jag är Tasa.',
};

let world: Awaited<ReturnType<typeof startTeamsTasa>>;
let ids = 0;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

type User = (typeof users)[keyof typeof users];

/** Adds the app to a person's personal scope as Teams does: a conversation update, then an installation update. */
async function install(user: User, where: { locale?: string; clientInfo?: string }) {
  const conversation = `a:personal-${user.id}`;
  const base = {
    channelId: 'msteams',
    serviceUrl: world.connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: botId, name: 'Tasa' },
    conversation: { id: conversation, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    ...(where.locale ? { locale: where.locale } : {}),
    ...(where.clientInfo
      ? { entities: [{ type: 'clientInfo', locale: where.clientInfo, platform: 'Web' }] }
      : {}),
  };
  const before = world.connector.activitiesIn(conversation).length;
  await world.post({
    ...base,
    id: `i:${++ids}`,
    type: 'conversationUpdate',
    membersAdded: [{ id: botId }],
  });
  await world.post({ ...base, id: `i:${++ids}`, type: 'installationUpdate', action: 'add' });
  await waitFor(() => world.connector.activitiesIn(conversation).length > before);
  return cardText(cardOf(world.connector.activitiesIn(conversation).at(-1)));
}

describe('Teams: the language of the first contact', () => {
  it('greets in the locale Teams gives for the person, from the activity or its clientInfo', async () => {
    expect(await install(users.eeva, { locale: 'fi-FI' })).toContain(welcome.fi);
    expect(await install(users.kalle, { clientInfo: 'sv-SE' })).toContain(welcome.sv);
  });

  it('greets in the organisation’s language when Teams gives none', async () => {
    expect(await install(users.kalle, {})).toContain(welcome.en);
  });

  it('greets identical installs in the same language', async () => {
    const first = await install(users.eeva, { clientInfo: 'fi-FI' });
    const second = await install(users.kalle, { clientInfo: 'fi-FI' });
    expect(first).toContain(welcome.fi);
    expect(second).toContain(welcome.fi);
  });

  it('keeps the language a person chose over the one Teams gives', async () => {
    await install(users.kalle, { clientInfo: 'fi-FI' });
    await world.person(users.kalle, 'fi-FI').say('lang sv', 'svenska');
    expect(await install(users.kalle, { clientInfo: 'fi-FI' })).toContain(welcome.sv);
  });

  it('writes the first proactive message in the language Teams gave at install', async () => {
    await install(users.coordinator, { locale: 'en-US' });
    await install(users.kalle, { clientInfo: 'sv-SE' });
    await world
      .person(users.coordinator)
      .say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    const kalle = world.person(users.kalle);
    await waitFor(() => kalle.texts().some((t) => t.includes('bedömningsomgång 2027-Q1')));
    expect(kalle.lastText()).toContain('Du har');
  });
});
