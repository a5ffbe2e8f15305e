import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord, updateRecord } from '../../src/checkins/record-repository.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { startSlackTasa } from './harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;

beforeEach(async () => {
  world = await startSlackTasa();
});
afterEach(async () => {
  await world.stop();
});

describe('Slack, a second cycle', () => {
  it('goes through last cycle’s answers: the same as last time, or changed', async () => {
    const coordinator = world.person('UCOORD');
    expect((await coordinator.command('cycle start 2027-Q1 15.2.2027')).reply).toContain(
      'Cycle 2027-Q1 is open',
    );
    const first = (await getCycle(world.store, '2027-Q1'))!;
    const kf04 = first.keyFactors.find((kf) => kf.id === 'KF04')!;
    await updateRecord(world.store, '2027-Q1', 'culture', (record) => {
      for (const q of kf04.questions)
        record.answers[q.id] = {
          status: 'partly',
          explanation: 'The council meets monthly.',
          evidence: [],
          by: 'slack:UCULT1',
          at: '2027-01-04T09:00:00.000Z',
          late: false,
          revision: 1,
          history: [],
        };
    });
    expect((await coordinator.command('cycle close')).reply).toContain('Cycle 2027-Q1 is closed');
    world.clock.set(new Date('2027-01-05T08:00:00Z'));
    expect((await coordinator.command('cycle start 2027-Q2 15.5.2027')).reply).toContain(
      'Cycle 2027-Q2 is open',
    );
    const kalle = world.person('UCULT1');
    await waitFor(() => kalle.lastText().includes('[Still true]'));
    expect(kalle.lastText()).toContain('1. Partly · “The council meets monthly.”');

    await kalle.click('Go through');
    await waitFor(() => kalle.lastText().includes('question 1 of 3'));
    expect(kalle.lastText()).toContain('Last time (2027-Q1): Partly');
    await kalle.click('Same as last time');
    await waitFor(() => kalle.lastText().includes('question 2 of 3'));
    await kalle.click('Yes');
    await waitFor(() => kalle.lastText().includes('question 3 of 3'));

    const record = await getRecord(world.store, '2027-Q2', 'culture');
    const [q1, q2] = kf04.questions;
    expect(record.answers[q1!.id]).toMatchObject({ status: 'partly', confirmedFrom: '2027-Q1' });
    expect(record.answers[q2!.id]).toMatchObject({ status: 'yes', revision: 1 });
    expect(record.answers[q2!.id]?.confirmedFrom).toBeUndefined();
    expect(kalle.texts().find((t) => t.includes('question 1 of 3'))).toContain(
      'unchanged since 2027-Q1',
    );
  });
});
