import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { expectValidCards } from './card-checks.ts';
import { cardOf, cardText, startTeamsTasa, users, waitFor } from './harness.ts';
import { actionsOf, answeredCard, teamsClientOf } from './invokes.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

const started = 'Cycle 2027-Q1 is open, due 15 February 2027.';

/** Everyone installs (Erkki uses Teams in Finnish) and the coordinator opens a cycle. */
async function openCycle() {
  await world.person(users.coordinator).install();
  await world.person(users.eeva).install();
  await world.person(users.erkki, 'fi-FI').install();
  await world.person(users.kalle).install();
  await world.person(users.coordinator).say('cycle start 2027-Q1 15.2.2027', started);
  const eeva = world.person(users.eeva);
  const erkki = world.person(users.erkki, 'fi-FI');
  await waitFor(() => eeva.lastText().includes('[Start]'));
  await waitFor(() => erkki.lastText().includes('[Aloita]'));
  return { eeva, erkki };
}

const putsTo = (id: string) =>
  world.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === id);

describe('Teams cards with Universal Actions', () => {
  it('change the clicked card in place: the invoke’s answer is its new version', async () => {
    const { eeva } = await openCycle();
    const teams = teamsClientOf(world, eeva);

    const start = await teams.execute('Start');
    expect(start.answer.status).toBe(200);
    expect(start.answer.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    const intro = cardText(answeredCard(start.answer));
    expect(intro).toContain('1. Public commitment');
    expect(intro).not.toContain('[Start]');
    // No second round trip: the Bot Connector was not asked to replace the card.
    expect(putsTo(start.card.id)).toEqual([]);
    expect(start.card.versions).toBe(1);

    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    const question = eeva.cards().at(-1)!;
    // Opened on any of Eeva's devices, the card is fetched afresh, for her alone.
    expect(cardOf(question)).toMatchObject({
      refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: ['29:eeva'] },
    });
    const yes = actionsOf(cardOf(question)).find((a) => a.title === 'Yes');
    expect(yes).toMatchObject({
      type: 'Action.Execute',
      verb: 'tasa',
      fallback: { type: 'Action.Submit', data: yes?.data },
    });

    const answered = await teams.execute('Yes');
    const shown = cardText(answeredCard(answered.answer));
    expect(shown).toContain('Answered “Yes” by Eeva Opettaja');
    expect(shown).not.toContain('[No]');
    expect(putsTo(question.id)).toEqual([]);
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']).toMatchObject(
      { status: 'yes', by: 'teams:eeva.opettaja@testikaupunki.fi' },
    );

    const validated = expectValidCards([
      ...eeva.cards().map((a) => cardOf(a)),
      answeredCard(start.answer),
      answeredCard(answered.answer),
    ]);
    expect(validated).toBeGreaterThanOrEqual(5);
  });

  it('refresh each contact’s copy of a shared question to their own current view', async () => {
    const { eeva, erkki } = await openCycle();
    const eevas = teamsClientOf(world, eeva);
    const erkkis = teamsClientOf(world, erkki);
    await eevas.execute('Start');
    await erkkis.execute('Aloita');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    await waitFor(() => erkki.lastText().includes('kysymys 1/4'));
    const eevaQuestion = eeva.cards().at(-1)!;
    const erkkiQuestion = erkki.cards().at(-1)!;
    expect(cardOf(erkkiQuestion)).toMatchObject({ refresh: { userIds: ['29:erkki'] } });

    // Erkki's copy cannot be replaced this time (Teams refuses the update once).
    world.connector.failNext(1, 404, 'ActivityNotFound', {
      conversation: erkki.conversation,
      method: 'PUT',
    });
    await eevas.execute('Yes');
    await waitFor(() =>
      world.connector.calls.some((c) => c.method === 'PUT' && c.activityId === erkkiQuestion.id),
    );
    // Both base cards still show the buttons; what each of them sees is their refresh.
    expect(erkkiQuestion.versions).toBe(1);
    expect(cardText(cardOf(erkkiQuestion))).toContain('[Ei]');

    const mine = await eevas.refresh(eevaQuestion);
    const his = await erkkis.refresh(erkkiQuestion);
    const mineText = cardText(answeredCard(mine.answer));
    const hisText = cardText(answeredCard(his.answer));
    expect(mineText).toContain('Answered “Yes” by Eeva Opettaja');
    expect(hisText).toContain('Eeva Opettaja vastasi ”Kyllä”');
    for (const text of [mineText, hisText]) {
      expect(text).not.toContain('[No]');
      expect(text).not.toContain('[Ei]');
    }
    expect(cardText(cardOf(eevaQuestion))).toContain('[No]');

    // Nobody gets a card of someone else's chat.
    const kalle = teamsClientOf(world, world.person(users.kalle));
    const foreign = await kalle.refresh(eevaQuestion);
    expect(foreign.answer.body).toMatchObject({ type: 'application/vnd.microsoft.error' });

    expectValidCards([answeredCard(mine.answer), answeredCard(his.answer)]);
  });

  it('count a click Teams sends twice once, and answer the resend with the card as it is', async () => {
    const { eeva } = await openCycle();
    const teams = teamsClientOf(world, eeva);
    await teams.execute('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));

    const twice = await teams.execute('Yes', { times: 2 });
    expect(twice.answers.map((a) => a.status)).toEqual([200, 200]);
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    const again = await teams.resend(twice.activity);
    expect(again.status).toBe(200);
    expect(cardText(answeredCard(again))).toContain('Answered “Yes” by Eeva Opettaja');

    await new Promise((resolve) => setTimeout(resolve, 300));
    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(record.answers['KF01.Q1']).toMatchObject({ status: 'yes', revision: 1, history: [] });
    expect(eeva.texts().filter((t) => t.includes('question 2 of 4'))).toHaveLength(1);
  });

  it('still take a click from a client without Universal Actions, and replace the card', async () => {
    const { eeva } = await openCycle();
    const intro = eeva.cards().at(-1)!;
    const start = actionsOf(cardOf(intro)).find((a) => a.title === 'Start');
    const fallback = start?.fallback as { type: string; data: unknown };
    expect(fallback.type).toBe('Action.Submit');
    await world.post({
      ...eeva.message(),
      replyToId: intro.id,
      value: fallback.data,
    });
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    expect(intro.versions).toBe(2);
    expect(cardText(cardOf(intro))).not.toContain('[Start]');
  });
});
