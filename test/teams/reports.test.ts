import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItems, getItem } from '../../src/action-plans/repository.ts';
import {
  cardOf,
  cardText,
  coordinationChannel,
  startTeamsTasa,
  teamsCityConfig,
  users,
  waitFor,
} from './harness.ts';

const steeringChannel = '19:steering@thread.tacv2';
const config = teamsCityConfig.replace(
  `channels: { coordination: { teams: "${coordinationChannel}" } }`,
  `channels: { coordination: { teams: "${coordinationChannel}" }, steering: { teams: "${steeringChannel}" } }`,
);

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa({ config });
  for (const user of [users.coordinator, users.eeva, users.erkki, users.kalle])
    await world.person(user).install();
  await world.installInTeam(users.coordinator);
  // Tasa is also added to the steering group's team.
  await world.post({
    id: 'install-steering',
    channelId: 'msteams',
    serviceUrl: world.connector.url,
    from: {
      id: users.coordinator.id,
      name: users.coordinator.name,
      aadObjectId: users.coordinator.aadObjectId,
    },
    recipient: { id: '28:tasa-test-bot', name: 'Tasa' },
    conversation: { id: steeringChannel, conversationType: 'channel', isGroup: true },
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:tasa-test-bot' }],
    channelData: {
      team: { id: steeringChannel, name: 'Ohjausryhmä' },
      eventType: 'teamMemberAdded',
    },
    locale: 'en-US',
  });
});
afterEach(async () => {
  await world.stop();
});

describe('Tasa in Teams: action plans and reports', () => {
  it('reminds an owner of an overdue action item, who marks it done from the reminder card', async () => {
    await createItems(world.store, [
      {
        title: 'Recruitment guidelines',
        description: '',
        serves: [{ framework: 'integrating-cities', item: 'KF06' }],
        department: 'education',
        owners: ['teams:eeva.opettaja@testikaupunki.fi'],
        due: '2026-12-28',
        status: 'in_progress',
        notes: [],
        evidence: [],
        created: { by: 'teams:29:coord', at: '2026-11-01T08:00:00Z' },
        history: [],
      },
    ]);
    await world.tasa.core.runner.tick();
    const eeva = world.person(users.eeva);
    await waitFor(() => eeva.texts().some((t) => t.includes('Your action item needs attention')));
    expect(eeva.lastText()).toContain(
      'A1 · Recruitment guidelines — due 28 December 2026, overdue by 7 days',
    );

    await eeva.click('Mark done…');
    await waitFor(() => eeva.lastText().includes('[Mark done]'));
    await eeva.submit({
      'evidence.0.url': 'https://www.hel.fi/rekrytointiohje',
      'evidence.0.title': 'Guidelines',
      note: 'Adopted by HR.',
    });
    await waitFor(() => eeva.texts().some((t) => t.includes('A1 is marked done. Thank you!')));
    expect(await getItem(world.store, 'A1')).toMatchObject({
      status: 'done',
      evidence: [{ url: 'https://www.hel.fi/rekrytointiohje', title: 'Guidelines' }],
    });
  });

  it('posts a roll-up in the coordination channel and a digest with its picture in the steering channel', async () => {
    const coordinator = world.person(users.coordinator);
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    const posted = await coordinator.say('rollup now', 'roll-up');
    expect(posted.reply).toContain(
      'The roll-up for week 2027-W01 is posted in the coordination channel.',
    );
    const channel = world.connector.activitiesIn(coordinationChannel);
    const texts = channel.map((a) => cardText(cardOf(a)));
    expect(
      texts.some(
        (t) =>
          t.includes('Roll-up · cycle 2027-Q1 · week 2027-W01') &&
          t.includes('Answered 0/14 (0 %)'),
      ),
    ).toBe(true);
    // The detail follows in the summary's thread.
    const summary = channel.find((a) => cardText(cardOf(a)).includes('Roll-up · cycle 2027-Q1'));
    const thread = world.connector
      .activitiesIn(`${coordinationChannel};messageid=${summary?.id ?? ''}`)
      .map((a) => JSON.stringify(cardOf(a)));
    expect(thread.some((t) => t.includes('Per department') && t.includes('"type":"Table"'))).toBe(
      true,
    );

    const digest = await coordinator.say('digest now', 'digest');
    expect(digest.reply).toContain(
      'The digest for week 2027-W01 is posted in the steering group’s channel.',
    );
    const steering = world.connector.activitiesIn(steeringChannel);
    expect(steering).toHaveLength(1);
    const activity = steering[0]!.activity as {
      attachments: { contentType: string; content?: unknown; contentUrl?: string }[];
    };
    expect(cardText(cardOf(steering[0]))).toContain(
      'Weekly digest · Testikaupunki · week 2027-W01',
    );
    const picture =
      activity.attachments.find((a) => a.contentType === 'image/png')?.contentUrl ??
      JSON.stringify(activity.attachments[0]?.content).match(
        /data:image\/png;base64,[A-Za-z0-9+/=]+/,
      )?.[0];
    expect(picture).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
