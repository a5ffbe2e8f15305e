import { describe, expect, it } from 'vitest';
import { getRecord, updateRecord } from '../../src/checkins/record-repository.ts';
import { createWorld, type World } from '../helpers/world.ts';

async function bothOnQuestionOne(world: World) {
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  for (const id of ['UEDU1', 'UEDU2'])
    expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q1', '2027-01-04')).toBe('sent');
  const eeva = world.person('UEDU1');
  const erkki = world.person('UEDU2');
  await eeva.click('Start');
  // Erkki opens the same question from his own copy of the intro.
  await erkki.act({ kind: 'back', cycle: '2027-Q1', department: 'education', question: 'KF01.Q2' });
  expect(eeva.lastText()).toContain('question 1 of 4');
  expect(erkki.lastText()).toContain('question 1 of 4');
  return { eeva, erkki, eevasCopy: eeva.last(), erkkisCopy: erkki.last() };
}

describe('prompt books', () => {
  it('two contacts pressing on their own copies at once: the first answer stands, the second is told, both copies closed', async () => {
    const world = createWorld();
    const { eeva, erkki, eevasCopy, erkkisCopy } = await bothOnQuestionOne(world);

    await Promise.all([eeva.click('Yes', eevasCopy), erkki.click('No', erkkisCopy)]);

    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1'];
    // The later click came from a copy older than the first answer: it never overwrites it.
    expect(answer?.revision).toBe(1);
    const second = answer?.by === 'slack:UEDU1' ? erkki : eeva;
    expect(second.messages().map((m) => world.chat.text(m.view))).toContainEqual(
      expect.stringMatching(/^Already answered by (Eeva Opettaja|Erkki Rehtori): “(Yes|No)”/),
    );
    for (const copy of [eevasCopy, erkkisCopy]) {
      expect(world.chat.buttons(copy.view).map((b) => b.label)).toEqual(['Change']);
      expect(world.chat.text(copy.view)).toMatch(/Answered “(Yes|No)”/);
    }
    // Each is on to the next question, and asked it once.
    for (const person of [eeva, erkki]) {
      const asked = person
        .messages()
        .filter((m) => world.chat.text(m.view).includes('question 2 of 4'));
      expect(asked).toHaveLength(1);
    }
  });

  it('still closes a prompt kept in a department record written before prompts had their own books', async () => {
    const world = createWorld();
    const { eeva, erkki, erkkisCopy } = await bothOnQuestionOne(world);
    // As an earlier version kept it: Erkki's open copy listed in the record, not in his book.
    await world.store.delete('prompts:2027-Q1:slack:UEDU2');
    await updateRecord(world.store, '2027-Q1', 'education', (record) => {
      record.prompts['KF01.Q1'] = [{ person: 'slack:UEDU2', ref: erkkisCopy.ref }];
    });

    await eeva.click('Yes');

    expect(world.chat.text(erkkisCopy.view)).toContain('Answered “Yes” by Eeva Opettaja');
    expect((await getRecord(world.store, '2027-Q1', 'education')).prompts).toEqual({});
    // The question he was on is answered: he is moved on to the next one.
    expect(erkki.lastText()).toContain('question 2 of 4');
  });
});
