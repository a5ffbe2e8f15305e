import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { unreachablePeople } from '../../src/people/reachability.ts';
import type { TeamsReach } from '../../src/teams/references.ts';
import {
  cardOf,
  cardText,
  coordinationChannel,
  erkkiObjectId,
  eventually,
  startTeamsTasa,
  users,
  waitFor,
} from './harness.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

const eevaKey = 'eeva.opettaja@testikaupunki.fi';
const erkkiKey = erkkiObjectId.toUpperCase();
const started = 'Cycle 2027-Q1 is open, due 15 February 2027. I asked 3 contacts just now.';

async function installEveryone() {
  for (const user of [users.coordinator, users.eeva, users.erkki, users.kalle])
    await world.person(user).install();
}

async function startCycle() {
  const { reply } = await world
    .person(users.coordinator)
    .say('cycle start 2027-Q1 15.2.2027', started);
  expect(reply).toContain(started);
}

describe('Tasa in Teams', () => {
  it('stores a conversation reference on install, naming a person as tasa.yaml does', async () => {
    const eeva = world.person(users.eeva);
    await eeva.install();
    // Eeva is configured by e-mail: the member lookup told who 29:eeva is.
    const reach = await world.store.get<TeamsReach>(`teams-ref:${eevaKey}`);
    expect(reach?.reference).toMatchObject({
      serviceUrl: world.connector.url,
      conversation: { id: eeva.conversation },
      user: { id: '29:eeva' },
      channelId: 'msteams',
    });
    expect(reach?.reference?.activityId).toBeUndefined();
    expect(reach?.locale).toBe('en-US');
    expect(await world.store.get('teams-alias:29:eeva')).toBe(eevaKey);
    expect(eeva.lastText()).toContain('Hello! I am Tasa.');
    expect(eeva.lastText()).toContain('my – your open questions');

    // Known now: writing again needs no second lookup.
    await eeva.say('my');
    const lookups = world.connector.calls.filter((c) => c.path.includes('/members/'));
    expect(lookups).toHaveLength(1);

    // Erkki is configured by Entra object id (in capitals): matched without a lookup.
    await world.person(users.erkki).install();
    expect(await world.store.get<TeamsReach>(`teams-ref:${erkkiKey}`)).toMatchObject({
      reference: { conversation: { id: 'a:personal-29:erkki' } },
    });

    // Installed in a team: the channel is reachable by its id.
    expect((await world.installInTeam(users.coordinator)).status).toBe(200);
    const channel = await eventually(() =>
      world.store.get<TeamsReach>(`teams-ref:${coordinationChannel}`),
    );
    expect(channel.reference?.conversation.id).toBe(coordinationChannel);
    expect(channel.reference?.user).toBeUndefined();
  });

  it('lets a coordinator start a cycle by message, and every Teams contact gets a card', async () => {
    await installEveryone();
    await startCycle();
    for (const user of [users.eeva, users.erkki, users.kalle]) {
      const contact = world.person(user);
      await waitFor(() => contact.texts().some((t) => t.includes('[Start]')));
      expect(contact.lastText()).toContain('You have');
    }
    expect(world.person(users.kalle).lastText()).toContain('4. Consultation with migrants');
    // Proactive messages are new posts, not replies to some earlier activity.
    const intro = world.person(users.eeva).cards().at(-1);
    expect(intro?.replyTo).toBeUndefined();
    expect(cardOf(intro)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('walks a contact through a whole key factor with card submits', async () => {
    await installEveryone();
    await startCycle();
    const eeva = world.person(users.eeva);
    await waitFor(() => eeva.lastText().includes('[Start]'));
    const intro = eeva.cards().at(-1);
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    // The intro card was replaced by a read-only version.
    expect(intro?.versions).toBe(2);
    expect(cardText(cardOf(intro))).toContain('1. Public commitment');
    expect(cardText(cardOf(intro))).not.toContain('[Start]');

    await eeva.click('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    const first = eeva.texts().find((t) => t.includes('question 1 of 4')) ?? '';
    expect(first).toContain('Answered “Yes” by Eeva Opettaja');
    expect(first).not.toContain('[No]');

    await eeva.click('Explain and add evidence');
    await waitFor(() => eeva.lastText().includes('[Save]'));
    const explanation = 'The mayor refers to it in **speeches**. [click](https://evil.example) _x_';
    const { card } = await eeva.submit({
      status: 'partly',
      explanation,
      'evidence.0.url': 'https://www.hel.fi/puhe-2026',
      'evidence.0.title': 'Mayor’s speech',
      'evidence.1.url': '',
      'evidence.1.title': '',
      'evidence.2.url': '',
      'evidence.2.title': '',
    });
    await waitFor(() => eeva.lastText().includes('question 3 of 4'));
    // The form card became read-only; the question card shows the answer.
    await waitFor(() => cardText(cardOf(card)).includes('Saved. Thank you!'));
    expect(cardText(cardOf(card))).not.toContain('[Save]');
    const second = eeva.cards().find((a) => cardText(cardOf(a)).includes('question 2 of 4'));
    const secondText = cardText(cardOf(second));
    expect(secondText).toContain('Answered “Partly” by Eeva Opettaja');
    expect(secondText).toContain('• Mayor’s speech (www.hel.fi)');
    // What a person wrote is a TextRun, which Adaptive Cards never read as Markdown.
    const json = JSON.stringify(cardOf(second));
    expect(json).toContain(JSON.stringify({ type: 'TextRun', text: explanation, italic: true }));
    expect(json).not.toContain('"TextBlock"');
    expect(json).toContain('"url":"https://www.hel.fi/puhe-2026"');

    await eeva.click('No');
    await waitFor(() => eeva.lastText().includes('question 4 of 4'));
    await eeva.click('Not applicable');
    await waitFor(() => eeva.lastText().includes('overall rating'));
    await eeva.click('Achieved');
    await waitFor(() => eeva.lastText().includes('6. The city as employer'));
    expect(eeva.texts()).toContainEqual(
      expect.stringContaining('Thank you! “Public commitment” is done for Education.'),
    );

    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(
      Object.fromEntries(Object.entries(record.answers).map(([q, a]) => [q, a.status])),
    ).toEqual({
      'KF01.Q1': 'yes',
      'KF01.Q2': 'partly',
      'KF01.Q3': 'no',
      'KF01.Q4': 'not_applicable',
    });
    expect(record.answers['KF01.Q2']).toMatchObject({
      explanation,
      evidence: [{ url: 'https://www.hel.fi/puhe-2026', title: 'Mayor’s speech' }],
      by: `teams:${eevaKey}`,
    });
    expect(record.ratings.KF01).toMatchObject({ rating: 'achieved', by: `teams:${eevaKey}` });
  });

  it('counts a submit that Teams sends twice once', async () => {
    await installEveryone();
    await startCycle();
    const eeva = world.person(users.eeva);
    await waitFor(() => eeva.lastText().includes('[Start]'));
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    const click = await eeva.click('Yes', { times: 2 });
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    expect((await eeva.resend(click)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(record.answers['KF01.Q1']).toMatchObject({ status: 'yes', revision: 1, history: [] });
    expect(eeva.texts().filter((t) => t.includes('question 2 of 4'))).toHaveLength(1);
  });

  it('politely refuses cycle start to someone who is not a coordinator, naming who may', async () => {
    const eeva = world.person(users.eeva);
    await eeva.install();
    const posted = world.connector.activities.length;
    const { reply } = await eeva.say('cycle start');
    expect(reply).toBe(
      'Only coordinators can run “cycle start”. The coordinators are: Kaisa Koordinaattori.',
    );
    expect(world.connector.activities).toHaveLength(posted + 1);
  });

  it('refuses a bad link on the card itself, in the person’s language, keeping what was typed', async () => {
    const kalle = world.person(users.kalle, 'fi-FI');
    await installEveryone();
    await kalle.install();
    await startCycle();
    await waitFor(() => kalle.lastText().includes('[Aloita]'));
    await kalle.click('Aloita');
    await waitFor(() => kalle.lastText().includes('kysymys 1/3'));
    await kalle.click('Perustele ja lisää näyttöä');
    await waitFor(() => kalle.lastText().includes('[Tallenna]'));
    const typed = 'Maahanmuuttajaneuvosto kokoontuu kuukausittain.';
    const { card } = await kalle.submit({
      status: 'yes',
      explanation: typed,
      'evidence.0.url': 'javascript:alert(1)',
      'evidence.0.title': 'Pöytäkirja',
    });
    await waitFor(() => card.versions === 2);
    const shown = cardOf(card);
    const text = cardText(shown);
    expect(text).toMatch(/http:\/\/|https:\/\//);
    expect(text).toContain(`${typed}`);
    expect(text).toContain(': javascript:alert(1)');
    expect(text).toContain(': Pöytäkirja');
    expect(text).toContain('[Tallenna]');
    // The reason is red, right under the link it is about.
    const json = JSON.stringify(shown);
    expect(json).toMatch(/"color":"attention"/);
    const order = ['"id":"evidence.0.url"', '"id":"evidence.0.title"', '"color":"attention"'].map(
      (needle) => json.indexOf(needle),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(json.indexOf('"id":"evidence.1.url"')).toBeGreaterThan(order[2]!);
    expect((await getRecord(world.store, '2027-Q1', 'culture')).answers).toEqual({});
  });

  it('marks a contact Teams will not deliver to as unreachable and tells the coordinators', async () => {
    await installEveryone();
    world.connector.failConversation(
      world.person(users.kalle).conversation,
      403,
      'BotNotInConversationRoster',
    );
    await startCycle();
    const coordinator = world.person(users.coordinator);
    await waitFor(() =>
      coordinator
        .texts()
        .some((t) => t.includes('Tasa cannot reach Kalle Kulttuuri (BotNotInConversationRoster)')),
    );
    expect(await unreachablePeople(world.store)).toEqual([
      expect.objectContaining({ person: 'teams:29:kalle', reason: 'BotNotInConversationRoster' }),
    ]);
    // Everyone else got their card.
    expect(world.person(users.eeva).lastText()).toContain('[Start]');
    // Writing to Tasa again makes Kalle reachable.
    world.connector.heal();
    await world.person(users.kalle).say('my');
    expect(await unreachablePeople(world.store)).toEqual([]);
  });

  it('tells the coordinators about a contact who has not installed the app', async () => {
    await world.person(users.coordinator).install();
    await world.person(users.eeva).install();
    await world.person(users.kalle).install();
    await startCycle();
    await waitFor(() =>
      world
        .person(users.coordinator)
        .texts()
        .some((t) => t.includes('Tasa cannot reach Erkki Rehtori (app not installed)')),
    );
  });

  it('waits out a 429 as Retry-After says, and loses nothing', async () => {
    await installEveryone();
    world.connector.rateLimitNext(1, 1, { conversation: world.person(users.eeva).conversation });
    const before = Date.now();
    await startCycle();
    for (const user of [users.eeva, users.erkki, users.kalle])
      await waitFor(() => world.person(user).lastText().includes('[Start]'));
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_000);
    expect(world.connector.calls.filter((c) => c.status === 429)).toHaveLength(1);
    for (const user of [users.eeva, users.erkki, users.kalle])
      expect(
        world
          .person(user)
          .texts()
          .filter((t) => t.includes('[Start]')),
      ).toHaveLength(1);
  });

  it('answers a command @mentioning Tasa in a channel, in the thread, with the mention stripped', async () => {
    const coordinator = world.person(users.coordinator);
    await coordinator.install();
    const personal = (await coordinator.say('status')).reply;
    expect(personal).toContain('No cycle has been opened yet.');

    const { thread } = await world.inChannel(users.coordinator, 'status');
    await waitFor(() => world.connector.activitiesIn(thread).length === 1);
    expect(cardText(cardOf(world.connector.activitiesIn(thread)[0]))).toBe(personal);

    // Without the mention the message is not for Tasa.
    const quiet = await world.inChannel(users.coordinator, 'status', { mention: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(world.connector.activitiesIn(quiet.thread)).toHaveLength(0);
  });

  it('opens a personal chat with a contact it has only seen in a team channel', async () => {
    await world.person(users.coordinator).install();
    await world.person(users.eeva).install();
    await world.person(users.kalle).install();
    const { thread } = await world.inChannel(users.erkki, 'my');
    await waitFor(() => world.connector.activitiesIn(thread).length === 1);
    await startCycle();
    const erkki = world.person(users.erkki);
    await waitFor(() => erkki.lastText().includes('[Start]'));
    expect(world.connector.created).toEqual([
      {
        id: erkki.conversation,
        body: expect.objectContaining({
          isGroup: false,
          bot: expect.objectContaining({ id: '28:tasa-test-bot' }),
          members: [{ id: '29:erkki' }],
        }),
      },
    ]);
    expect(await unreachablePeople(world.store)).toEqual([]);
  });
});

describe('Tasa in Teams with a bot registration', () => {
  it('refuses a request without a valid token with 401', async () => {
    const registered = await startTeamsTasa({
      teams: {
        appId: 'a1b2c3d4-0000-4000-8000-00000000b0b0',
        appPassword: 'secret',
        tenantId: 't',
      },
    });
    try {
      const activity = { type: 'message', text: 'cycle start', conversation: { id: 'a:x' } };
      expect((await registered.post(activity)).status).toBe(401);
      expect(
        (await registered.post(activity, { authorization: 'Bearer not-a-token' })).status,
      ).toBe(401);
      expect(registered.connector.calls).toHaveLength(0);
      expect(registered.logger.lines.map((l) => l.message)).toContainEqual(
        expect.stringContaining('/api/messages requires a signed request'),
      );
    } finally {
      await registered.stop();
    }
  });
});
