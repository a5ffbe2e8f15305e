import { describe, expect, it } from 'vitest';
import { recordsPersonalData } from '../../src/checkins/record-privacy.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { answerKeyFactor, createReviewWorld, openAndCheckIn } from './review-world.ts';

describe("a reviewer's personal data", () => {
  it('is in their export, and erasing them keeps the verdicts without their name', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    await answerKeyFactor(world, 'UEDU1', ['Yes', 'Partly', 'No', "Don't know"]);
    await world.announce('2027-01-04');
    const riikka = world.person('UREV');
    const message = riikka.last();
    await riikka.click('Accept', message);
    await riikka.click('Request changes…', message);
    await riikka.submit({ comment: 'Link the minutes, please.' });
    await world.person('UEDU1').click('Yes', world.person('UEDU1').last());

    const records = recordsPersonalData(world.store);
    const subject = { person: 'slack:UREV', refs: [{ platform: 'slack', id: 'UREV' }] };
    const exported = await records.export(subject);
    expect(exported.reviews).toEqual([
      expect.objectContaining({
        department: 'education',
        question: 'KF01.Q1',
        review: expect.objectContaining({ state: 'accepted' }),
      }),
      expect.objectContaining({
        question: 'KF01.Q2',
        review: expect.objectContaining({ comment: 'Link the minutes, please.' }),
      }),
    ]);

    expect(await records.erase(subject)).toBe(1);
    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(JSON.stringify(record)).not.toContain('slack:UREV');
    expect(record.answers['KF01.Q1']?.review).toMatchObject({ state: 'accepted', by: 'reviewer' });
    expect(record.answers['KF01.Q2']?.history.at(-1)?.review).toMatchObject({
      comment: 'Link the minutes, please.',
      by: 'reviewer',
    });
  });
});
