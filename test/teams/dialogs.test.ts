import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItems, getItem } from '../../src/action-plans/repository.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { expectValidCards } from './card-checks.ts';
import { cardOf, cardText, startTeamsTasa, users, waitFor } from './harness.ts';
import { dialogCard, teamsClientOf } from './invokes.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

const started = 'Cycle 2027-Q1 is open, due 15 February 2027.';

/** Everyone installs, Kalle with Teams in Finnish; the cycle opens; Kalle starts his key factor. */
async function kalleAtFirstQuestion() {
  for (const user of [users.coordinator, users.eeva, users.erkki])
    await world.person(user).install();
  const kalle = world.person(users.kalle, 'fi-FI');
  await kalle.install();
  await world.person(users.coordinator).say('cycle start 2027-Q1 15.2.2027', started);
  await waitFor(() => kalle.lastText().includes('[Aloita]'));
  const teams = teamsClientOf(world, kalle);
  await teams.execute('Aloita');
  await waitFor(() => kalle.lastText().includes('kysymys 1/3'));
  return { kalle, teams, question: kalle.cards().at(-1)! };
}

type Json = Record<string, unknown>;
/** A form card's inputs, in order (a form's fields are the card's body). */
const inputs = (card: Json | undefined): Json[] =>
  ((card?.body ?? []) as Json[]).filter((e) => String(e.type).startsWith('Input.'));

describe('Teams forms as dialogs', () => {
  it('open in a dialog, refuse with each problem under its field keeping what was typed, and close once saved', async () => {
    const { kalle, teams, question } = await kalleAtFirstQuestion();
    const posted = kalle.cards().length;

    const opened = await teams.openDialog('Perustele ja lisää näyttöä');
    expect(opened.answer.status).toBe(200);
    expect(opened.answer.body).toMatchObject({
      task: { type: 'continue', value: { title: 'Vastauksesi' } },
    });
    const dialog = dialogCard(opened.answer);
    expect(cardText(dialog)).toContain('[Tallenna]');
    expect(inputs(dialog).find((i) => i.id === 'status')).toMatchObject({
      label: 'Vastaus',
      isRequired: true,
      errorMessage: 'Täytä tämä kenttä.',
    });
    expect(inputs(dialog).find((i) => i.id === 'explanation')).not.toHaveProperty('isRequired');

    const typed = 'Maahanmuuttajaneuvosto kokoontuu kuukausittain.';
    const refused = await teams.submitDialog(dialog!, {
      status: 'yes',
      explanation: typed,
      'evidence.0.url': 'javascript:alert(1)',
      'evidence.0.title': 'Pöytäkirja',
    });
    const again = dialogCard(refused.answer);
    const text = cardText(again);
    expect(text).toContain(`: ${typed}`);
    expect(text).toContain(': javascript:alert(1)');
    expect(text).toContain(': Pöytäkirja');
    // The reason is on the link's input and in words right under its row, before the next row.
    const url = inputs(again).find((i) => i.id === 'evidence.0.url');
    expect(url?.errorMessage).toMatch(/https?:\/\//);
    const json = JSON.stringify(again);
    const order = [
      '"id":"evidence.0.url"',
      '"id":"evidence.0.title"',
      JSON.stringify(url?.errorMessage).slice(0, 20),
      '"id":"evidence.1.url"',
    ].map((needle) => json.lastIndexOf(needle));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await getRecord(world.store, '2027-Q1', 'culture')).answers).toEqual({});

    const saved = await teams.submitDialog(again!, {
      status: 'yes',
      explanation: typed,
      'evidence.0.url': 'https://www.testikaupunki.fi/neuvosto',
      'evidence.0.title': 'Pöytäkirja',
    });
    // No body: Teams closes the dialog.
    expect(saved.answer).toEqual({ status: 200, body: undefined });
    const record = await getRecord(world.store, '2027-Q1', 'culture');
    expect(record.answers['KF04.Q1']).toMatchObject({
      status: 'yes',
      explanation: typed,
      evidence: [{ url: 'https://www.testikaupunki.fi/neuvosto', title: 'Pöytäkirja' }],
    });
    // The question card shows the answer; no form ever came into the chat.
    await waitFor(() => question.versions === 2);
    expect(cardText(cardOf(question))).toContain('Kalle Kulttuuri vastasi ”Kyllä”');
    expect(kalle.texts().some((t) => t.includes('[Tallenna]'))).toBe(false);
    expect(kalle.cards().length).toBeGreaterThan(posted);

    expectValidCards([dialog, again]);

    // Teams resending the accepted submit: counted once.
    expect((await teams.resend(saved.activity)).status).toBe(200);
    expect((await getRecord(world.store, '2027-Q1', 'culture')).answers['KF04.Q1']).toMatchObject({
      revision: 1,
      history: [],
    });
  });

  it('show the same dialog for a resent request, and say in the dialog why a form cannot open', async () => {
    const { teams } = await kalleAtFirstQuestion();
    const opened = await teams.openDialog('Perustele ja lisää näyttöä');
    const resent = await teams.resend(opened.activity);
    expect(dialogCard(resent)).toEqual(dialogCard(opened.answer));

    // Eeva is no contact of Culture: a forged button opens no form, and says so in her dialog.
    const eeva = world.person(users.eeva);
    const cards = eeva.cards().length;
    const { status, body } = await world.post({
      ...eeva.message(),
      type: 'invoke',
      name: 'task/fetch',
      value: {
        data: {
          msteams: { type: 'task/fetch' },
          tasa: {
            kind: 'explain',
            cycle: '2027-Q1',
            department: 'culture',
            question: 'KF04.Q1',
            revision: 0,
          },
        },
      },
    });
    expect(status).toBe(200);
    expect(JSON.parse(body)).toEqual({
      task: { type: 'message', value: 'Only the contacts of Culture can answer for it.' },
    });
    expect(eeva.cards()).toHaveLength(cards);
  });

  it('open an action item’s forms as dialogs too, and close one once it is saved', async () => {
    for (const user of [users.coordinator, users.eeva]) await world.person(user).install();
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
    const teams = teamsClientOf(world, eeva);
    const cards = eeva.cards().length;

    const move = dialogCard((await teams.openDialog('Move due date…')).answer);
    expect(inputs(move).map((i) => i.type)).toContain('Input.Date');
    const done = dialogCard((await teams.openDialog('Mark done…')).answer);
    expectValidCards([move, done]);

    const saved = await teams.submitDialog(done!, {
      'evidence.0.url': 'https://www.hel.fi/rekrytointiohje',
      'evidence.0.title': 'Guidelines',
      note: 'Adopted by HR.',
    });
    expect(saved.answer).toEqual({ status: 200, body: undefined });
    expect(await getItem(world.store, 'A1')).toMatchObject({ status: 'done' });
    await waitFor(() => eeva.texts().some((t) => t.includes('A1 is marked done. Thank you!')));
    // The forms never came into the chat: only the thank-you did.
    expect(
      eeva
        .cards()
        .slice(cards)
        .map((a) => cardText(cardOf(a))),
    ).toEqual([expect.stringContaining('A1 is marked done. Thank you!')]);
  });

  it('come as a card in the chat where there are no dialogs (the Agents Playground)', async () => {
    const { kalle } = await kalleAtFirstQuestion();
    // Without dialogs the button's submit arrives as a message with the same data.
    await kalle.click('Perustele ja lisää näyttöä');
    await waitFor(() => kalle.lastText().includes('[Tallenna]'));
    expectValidCards([cardOf(kalle.cards().at(-1))]);
  });
});
