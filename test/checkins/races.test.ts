import { describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { createWorld, type World } from '../helpers/world.ts';

async function onQuestionOne(world: World) {
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  expect(await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04')).toBe('sent');
  const eeva = world.person('UEDU1');
  await eeva.click('Start');
  return eeva;
}

const askedQuestionTwo = (world: World, eeva: ReturnType<World['person']>) =>
  eeva.messages().filter((m) => world.chat.text(m.view).includes('question 2 of 4')).length;

describe('the same thing sent twice', () => {
  it('counts a form submitted twice in quick succession once, and asks the next question once', async () => {
    const world = createWorld();
    const eeva = await onQuestionOne(world);
    await eeva.click('Explain and add evidence');
    const values = {
      status: 'yes',
      explanation: 'Adopted by the council.',
      evidence: [{ url: 'https://www.hel.fi/a.pdf' }],
    };
    // Two submissions with different delivery ids, as a double tap in Teams sends them.
    const results = await Promise.all([eeva.submit(values, 'tap-1'), eeva.submit(values, 'tap-2')]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];
    expect(answer).toMatchObject({ revision: 1, history: [] });
    expect(askedQuestionTwo(world, eeva)).toBe(1);
  });

  it('counts a double tap of the same status on two copies once', async () => {
    const world = createWorld();
    const eeva = await onQuestionOne(world);
    const copy = eeva.last();
    const yes = world.chat.buttons(copy.view).find((b) => b.label === 'Yes')!;
    await eeva.act(yes.action);
    await eeva.act(yes.action);
    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];
    expect(answer).toMatchObject({ revision: 1, status: 'yes' });
    expect(askedQuestionTwo(world, eeva)).toBe(1);
    expect(eeva.messages().map((m) => world.chat.text(m.view))).not.toContainEqual(
      expect.stringContaining('Already answered'),
    );
  });

  it('refuses a different status from an older copy of her own, and offers Change', async () => {
    const world = createWorld();
    const eeva = await onQuestionOne(world);
    const copy = eeva.last();
    const no = world.chat.buttons(copy.view).find((b) => b.label === 'No')!;
    await eeva.click('Yes', copy);
    await eeva.act(no.action);
    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];
    expect(answer).toMatchObject({ revision: 1, status: 'yes' });
    expect(eeva.lastText()).toContain('Already answered by Eeva Opettaja: “Yes”.');
    await eeva.click('Change');
    expect(world.chat.forms.at(-1)?.form.context).toMatchObject({ kind: 'explain', revision: 1 });
  });
});

describe('dates that are none', () => {
  it('refuses a cycle due on a day that does not exist, in words instead of a failure', async () => {
    const world = createWorld();
    for (const dueDate of ['2027-13-40', '2027-02-30'])
      expect(await world.open({ name: '2027-Q1', dueDate })).toMatchObject({
        ok: false,
        code: 'badDueDate',
      });
  });
});
