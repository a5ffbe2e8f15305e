import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { cardOf, cardText, startTeamsTasa, users, waitFor } from './harness.ts';
import { actionsOf, answeredCard, dialogCard, teamsClientOf } from './invokes.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

/** Eeva and Erkki (in Finnish) each hold a copy of question 1. */
async function bothOnQuestionOne() {
  await world.person(users.coordinator).install();
  await world.person(users.eeva).install();
  await world.person(users.erkki, 'fi-FI').install();
  await world.person(users.kalle).install();
  await world
    .person(users.coordinator)
    .say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open, due 15 February 2027.');
  const eeva = world.person(users.eeva);
  const erkki = world.person(users.erkki, 'fi-FI');
  await waitFor(() => eeva.lastText().includes('[Start]'));
  await waitFor(() => erkki.lastText().includes('[Aloita]'));
  const eevas = teamsClientOf(world, eeva);
  const erkkis = teamsClientOf(world, erkki);
  await eevas.execute('Start');
  await erkkis.execute('Aloita');
  await waitFor(() => eeva.lastText().includes('question 1 of 4'));
  await waitFor(() => erkki.lastText().includes('kysymys 1/4'));
  return { eeva, erkki, eevas, erkkis };
}

const answerOne = async () =>
  (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];

describe('colleagues in Teams never overwrite each other', () => {
  it('refuses a press on a stale copy, keeps the newer answer, and moves the colleague on', async () => {
    const { eevas, erkki } = await bothOnQuestionOne();
    // Erkki's card as his client still shows it, with its "Ei" button.
    const held = erkki.cards().at(-1)!;
    const no = actionsOf(cardOf(held)).find((a) => a.title === 'Ei')!;
    await eevas.execute('Yes');
    await waitFor(() => erkki.lastText().includes('kysymys 2/4'));

    const pressed = await world.post({
      ...erkki.message(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: held.id,
      value: { action: { type: 'Action.Execute', id: '', verb: no.verb, data: no.data } },
    });
    expect(pressed.status).toBe(200);
    await waitFor(() => erkki.texts().some((t) => t.includes('on jo vastannut')));
    expect(erkki.texts().find((t) => t.includes('on jo vastannut'))).toContain(
      'Eeva Opettaja on jo vastannut: ”Kyllä”.',
    );
    expect(await answerOne()).toMatchObject({ status: 'yes', revision: 1 });
  });

  it('updates the card Change was pressed on, through the dialog', async () => {
    const { eeva, eevas } = await bothOnQuestionOne();
    const yes = await eevas.execute('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    // What Eeva's client shows now is the invoke's answer: the answered question with "Change".
    const shown = answeredCard(yes.answer);
    const change = actionsOf(shown).find((a) => a.title === 'Change')!;
    expect(change.type).toBe('Action.Submit');
    const opened = await world.post({
      ...eeva.message(),
      type: 'invoke',
      name: 'task/fetch',
      replyToId: yes.card.id,
      value: { data: change.data, context: { theme: 'default' } },
    });
    const dialog = dialogCard({
      status: opened.status,
      body: opened.body ? (JSON.parse(opened.body) as Record<string, unknown>) : undefined,
    });
    expect(cardText(dialog)).toContain('[Save]');
    const saved = await eevas.submitDialog(dialog!, {
      status: 'no',
      explanation: 'The statement was withdrawn.',
    });
    expect(saved.answer.status).toBe(200);
    await waitFor(() => cardText(cardOf(yes.card)).includes('Answered “No”'));
    expect(await answerOne()).toMatchObject({ status: 'no', revision: 2 });
  });
});
