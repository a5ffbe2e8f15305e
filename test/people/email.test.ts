import { retryPolicies } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startTasa, type RunningTasa } from '../../src/app.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { privacyOf } from '../../src/core.ts';
import { createEmailIdsRepository } from '../../src/people/email-ids-repository.ts';
import { createPlatformMemoryRepository } from '../../src/people/platform-memory-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import type { TeamsReach } from '../../src/teams/references.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.ts';
import { startFakeSlackApi, waitFor, type FakeSlackApi } from '../helpers/fake-slack-api.ts';
import { parsedConfig } from '../helpers/world.ts';
import { coordination, eeva, emailCity } from './email-city.ts';
import { slashCommand } from '../helpers/slack-requests.ts';

/** Tasa was added to the coordination channel's team earlier: its reference is in the store. */
async function teamKnown(store: Store, connector: FakeBotConnector) {
  const memory = createPlatformMemoryRepository<TeamsReach, unknown>(store, 'teams');
  await memory.updateReach(coordination, () => ({
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: coordination, isGroup: true, conversationType: 'channel' },
      agent: { id: '28:tasa-test-bot', name: 'Tasa' },
    },
  }));
}

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.stop();
});

async function startCity(options: { store?: Store; teams?: boolean; team?: boolean } = {}) {
  const slack: FakeSlackApi = await startFakeSlackApi();
  const connector = await startFakeBotConnector();
  running.push({ stop: () => slack.close() }, { stop: () => connector.close() });
  slack.addUser('kaisa.koordinaattori@testikaupunki.fi', 'UKAISA');
  slack.addUser('Eeva.Opettaja@testikaupunki.fi', 'UEEVA');
  slack.addUser('erkki.rehtori@testikaupunki.fi', 'UERKKI');
  // Kalle is on Teams only: a member of the coordination channel's team.
  connector.addMember({
    id: '29:kalle',
    name: 'Kalle Kulttuuri',
    aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000a',
    userPrincipalName: 'Kalle.Kulttuuri@testikaupunki.fi',
  });
  const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
  const memory =
    options.store ?? openStore({ url: 'memory:', dataDir: '.', namespace: 'email', clock });
  // Kept open across restarts: the store outlives one Tasa process here.
  const store: Store = { ...memory, close: async () => undefined };
  if (options.teams !== false && options.team !== false) await teamKnown(store, connector);
  const logger = memoryLogger();
  const tasa: RunningTasa = await startTasa({
    config: parsedConfig(emailCity),
    store,
    logger,
    clock,
    port: 0,
    slack: {
      mode: 'http',
      botToken: 'xoxb-test-token',
      signingSecret: 'secret',
      apiUrl: `${slack.url}/api/`,
    },
    slackClientOptions: { retryConfig: retryPolicies.rapidRetryPolicy },
    ...(options.teams === false ? {} : { teams: { anonymous: true } }),
    runSchedule: false,
    sleep: async () => undefined,
  });
  running.push(tasa);
  await waitFor(() => !tasa.core.emails.status().resolving);
  return { slack, connector, tasa, store: memory, clock, logger };
}

const kalle = 'email:kalle.kulttuuri@testikaupunki.fi';

describe('people named by e-mail', () => {
  it('finds each address on Slack by users.lookupByEmail and on Teams in the team roster', async () => {
    const { slack, connector, tasa } = await startCity();
    const { directory } = tasa.core;

    expect(slack.callsTo('users.lookupByEmail').map((c) => c.args.email)).toEqual([
      'kaisa.koordinaattori@testikaupunki.fi',
      'eeva.opettaja@testikaupunki.fi',
      'erkki.rehtori@testikaupunki.fi',
      'kalle.kulttuuri@testikaupunki.fi',
      'nobody@testikaupunki.fi',
    ]);
    // Someone writing from Slack is the person the e-mail names, under the e-mail's key.
    expect(directory.canonicalKey({ platform: 'slack', id: 'UEEVA' })).toBe(eeva);
    expect(directory.departmentsOf(eeva)).toEqual(['education']);
    expect(
      directory.isCoordinator(directory.canonicalKey({ platform: 'slack', id: 'UKAISA' })),
    ).toBe(true);
    expect(directory.refsOf(eeva)).toContainEqual({ platform: 'slack', id: 'UEEVA' });
    // Kalle has no Slack account: Teams found him, so Teams is where he is written to.
    expect(
      connector.calls.some(
        (c) => c.method === 'GET' && c.path.endsWith('/members/kalle.kulttuuri@testikaupunki.fi'),
      ),
    ).toBe(true);
    expect(directory.addressOf(kalle)?.platform).toBe('teams');
    expect(directory.addressOf(eeva)?.platform).toBe('slack');

    const opened = await openCycle(tasa.cycleDeps, { name: '2027-Q1', by: 'email:x' });
    expect(opened.ok).toBe(true);
    expect(await tasa.core.engine.deliverCheckIn(eeva, '2027-Q1', '2027-01-04')).toBe('sent');
    expect(slack.messagesTo('UEEVA')).toHaveLength(1);
    // Teams opens a personal chat with the member the roster named, before he ever wrote.
    expect(await tasa.core.engine.deliverCheckIn(kalle, '2027-Q1', '2027-01-04')).toBe('sent');
    expect(connector.created.map((c) => c.id)).toEqual(['a:personal-29:kalle']);
    expect(connector.activitiesIn('a:personal-29:kalle')).toHaveLength(1);
  });

  it('lets a coordinator named by e-mail start a cycle whose check-ins reach everyone by address', async () => {
    const { slack, connector, tasa, store } = await startCity();
    const replied = slack.callsTo('response_url').length;
    const response = await slashCommand(`http://127.0.0.1:${tasa.port}/slack/events`, 'secret', {
      user: 'UKAISA',
      text: 'cycle start 2027-Q1 15.2.2027',
      responseUrl: `${slack.url}/response/UKAISA`,
    });
    expect(response.status).toBe(200);
    await waitFor(() => slack.callsTo('response_url').length > replied);
    // The outbox kept each address by e-mail; each send went to the id the platform gives.
    await waitFor(
      () => slack.messagesTo('UEEVA').length === 1 && slack.messagesTo('UERKKI').length === 1,
    );
    await waitFor(() => connector.activitiesIn('a:personal-29:kalle').length === 1);
    // Kaisa wrote from Slack as UKAISA and was known as the coordinator her address names.
    expect((await getCycle(store, '2027-Q1'))?.openedBy).toBe(
      'email:kaisa.koordinaattori@testikaupunki.fi',
    );
  });

  it('lists an address no platform knows in the log and in /readyz, without failing readiness', async () => {
    const { tasa, logger } = await startCity();
    expect(tasa.core.emails.status().unknownEmails).toEqual(['nobody@testikaupunki.fi']);
    const warning = logger.lines.find(
      (l) => l.level === 'warn' && /e-mail addresses/.test(l.message),
    );
    expect(JSON.stringify(warning?.fields)).toContain('departments[2].contacts[0]');

    const response = await fetch(`http://127.0.0.1:${tasa.port}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      people: { resolving: false, unknownEmails: ['nobody@testikaupunki.fi'] },
    });
  });

  it('tells the coordinators about an unknown address once, not on every start', async () => {
    const first = await startCity();
    const notices = (slack: FakeSlackApi) =>
      slack
        .messagesTo('UKAISA')
        .filter((c) => String(c.args.text).includes('nobody@testikaupunki.fi'));
    await waitFor(() => notices(first.slack).length === 1);
    expect(String(notices(first.slack)[0]?.args.text)).toContain('departments[2].contacts[0]');
    await first.tasa.stop();

    const again = await startCity({ store: first.store });
    expect(again.tasa.core.emails.status().unknownEmails).toEqual(['nobody@testikaupunki.fi']);
    expect(again.slack.callsTo('users.lookupByEmail').length).toBeGreaterThan(0);
    expect(notices(again.slack)).toHaveLength(0);
  });

  it('asks Slack again when a send to a remembered id fails, and remembers the new id', async () => {
    const { slack, tasa, clock, store } = await startCity({ teams: false });
    // Eeva's account was removed and made again: the same address, a new id.
    slack.removeUser('eeva.opettaja@testikaupunki.fi');
    slack.addUser('eeva.opettaja@testikaupunki.fi', 'UEEVA2');
    clock.advance(5 * 60_000);

    await openCycle(tasa.cycleDeps, { name: '2027-Q1', by: 'email:x' });
    expect(await tasa.core.engine.deliverCheckIn(eeva, '2027-Q1', '2027-01-04')).toBe('sent');
    expect(slack.messagesTo('UEEVA')).toHaveLength(0);
    expect(slack.messagesTo('UEEVA2')).toHaveLength(1);
    expect(tasa.core.directory.canonicalKey({ platform: 'slack', id: 'UEEVA2' })).toBe(eeva);
    const kept = await createEmailIdsRepository(store).all();
    expect(
      kept.find((e) => e.email === 'eeva.opettaja@testikaupunki.fi')?.platforms.slack,
    ).toMatchObject({ found: true, id: 'UEEVA2' });
  });

  it('exports and erases the ids found for a person’s address with the rest of their data', async () => {
    const { tasa, store, clock } = await startCity();
    const privacy = privacyOf(store, tasa.core.directory);
    const exported = (await privacy.export(eeva, clock.now())) as { emailIds?: unknown };
    expect(exported.emailIds).toEqual([
      expect.objectContaining({
        email: 'eeva.opettaja@testikaupunki.fi',
        platforms: expect.objectContaining({ slack: expect.objectContaining({ id: 'UEEVA' }) }),
      }),
    ]);
    await privacy.erase(eeva);
    const left = (await createEmailIdsRepository(store).all()).map((e) => e.email);
    expect(left).not.toContain('eeva.opettaja@testikaupunki.fi');
    expect(left).toContain('erkki.rehtori@testikaupunki.fi');
    expect(JSON.stringify(await store.get('email-ids'))).not.toContain('eeva');
  });

  it('decides nothing on Teams before Tasa is in a configured team, so no one is reported', async () => {
    const { tasa, connector, logger } = await startCity({ team: false });
    expect(tasa.core.emails.status().unknownEmails).toEqual([]);
    expect(connector.calls).toHaveLength(0);
    expect(logger.lines.some((l) => /no connected platform knows/.test(l.message))).toBe(false);
    // He is still written to on Teams by his address, where the adapter matches him when he writes.
    expect(tasa.core.directory.addressOf(kalle)).toEqual({
      platform: 'teams',
      kind: 'person',
      id: 'kalle.kulttuuri@testikaupunki.fi',
    });
  });
});
