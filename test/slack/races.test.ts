import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { blockAction } from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa, state } from './harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;

beforeEach(async () => {
  world = await startSlackTasa();
});
afterEach(async () => {
  await world.stop();
});

interface Held {
  user: string;
  channel: string;
  ts: string;
  action_id: string;
  value: string;
}

/** A button as a person's client still shows it, whatever Tasa has done to the message since. */
function hold(user: string, label: string, contains: string): Held {
  const message = [...world.person(user).dms()]
    .reverse()
    .find((m) => world.textOf(m.blocks).includes(contains));
  const button = message?.blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
    .find((e) => 'text' in e && typeof e.text === 'object' && e.text.text === label) as
    { action_id: string; value: string } | undefined;
  if (!message || !button) throw new Error(`${user} holds no “${label}” on “${contains}”`);
  return { user, channel: message.channel, ts: message.ts, ...button };
}

async function press(held: Held) {
  const calls = world.slack.calls.length;
  const response = await blockAction(world.endpoint, signingSecret, {
    user: held.user,
    actionId: held.action_id,
    value: held.value,
    messageTs: held.ts,
    channel: held.channel,
  });
  expect(response.status).toBe(200);
  await waitFor(() => world.slack.calls.length > calls);
}

async function bothOnQuestionOne() {
  const { reply } = await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
  expect(reply).toContain('Cycle 2027-Q1 is open');
  const eeva = world.person('UEDU1');
  const erkki = world.person('UEDU2');
  await waitFor(() => eeva.dms().length === 1 && erkki.dms().length === 1);
  const erkkisStart = hold('UEDU2', 'Start', 'Public commitment');
  await eeva.click('Start');
  await waitFor(() => eeva.lastText().includes('question 1 of 4'));
  await press(erkkisStart);
  await waitFor(() => erkki.lastText().includes('question 1 of 4'));
  return { eeva, erkki };
}

const answerOne = async () =>
  (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];

describe('colleagues in Slack never overwrite each other', () => {
  it('refuses a click on a stale copy, keeps the newer answer, and moves the colleague on', async () => {
    const { eeva, erkki } = await bothOnQuestionOne();
    const erkkisNo = hold('UEDU2', 'No', 'question 1 of 4');
    await eeva.click('Yes');
    // Erkki's copy shows Eeva's answer, and he is on to question 2 without typing anything.
    await waitFor(() => erkki.lastText().includes('question 2 of 4'));
    expect(erkki.texts().find((t) => t.includes('question 1 of 4'))).toContain(
      'Answered “Yes” by Eeva Opettaja',
    );
    await press(erkkisNo);
    await waitFor(() => erkki.lastText().includes('Already answered'));
    expect(erkki.lastText()).toContain('Already answered by Eeva Opettaja: “Yes”.');
    expect(await answerOne()).toMatchObject({ status: 'yes', by: 'slack:UEDU1', revision: 1 });
  });

  it('counts the same modal submitted twice once, and asks the next question once', async () => {
    const { eeva } = await bothOnQuestionOne();
    await eeva.click('Explain and add evidence');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    const values = {
      ...state.select('status', 'partly'),
      ...state.text('explanation', 'A written statement is being drafted.'),
      ...state.link(0, 'https://www.hel.fi/luonnos'),
    };
    const [first, second] = await Promise.all([eeva.submit(values), eeva.submit(values)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    expect(await answerOne()).toMatchObject({ status: 'partly', revision: 1, history: [] });
    expect(eeva.texts().filter((t) => t.includes('question 2 of 4'))).toHaveLength(1);
  });

  it('updates the copy that Change was pressed on', async () => {
    const { eeva } = await bothOnQuestionOne();
    await eeva.click('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    await eeva.click('Change');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    await eeva.submit({
      ...state.select('status', 'no'),
      ...state.text('explanation', 'The statement was withdrawn.'),
    });
    await waitFor(() =>
      (eeva.texts().find((t) => t.includes('question 1 of 4')) ?? '').includes('Answered “No”'),
    );
    expect(await answerOne()).toMatchObject({ status: 'no', revision: 2 });
  });
});
