import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRecord, updateRecord } from '../../src/checkins/record-repository.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { startTeamsTasa, users, waitFor } from './harness.ts';
import { teamsClientOf } from './invokes.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

describe('Teams, a second cycle', () => {
  it('confirms last cycle’s answers with Still true, pressed twice, counted once', async () => {
    for (const user of [users.coordinator, users.eeva, users.erkki])
      await world.person(user).install();
    const kalle = world.person(users.kalle, 'fi-FI');
    await kalle.install();
    const coordinator = world.person(users.coordinator);
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    const first = (await getCycle(world.store, '2027-Q1'))!;
    const kf04 = first.keyFactors.find((kf) => kf.id === 'KF04')!;
    // Culture answered everything last cycle.
    await updateRecord(world.store, '2027-Q1', 'culture', (record) => {
      for (const q of kf04.questions)
        record.answers[q.id] = {
          status: 'yes',
          explanation: 'Neuvosto kokoontuu kuukausittain.',
          evidence: [],
          by: record.department,
          at: '2027-01-04T09:00:00.000Z',
          late: false,
          revision: 1,
          history: [],
        };
      record.ratings.KF04 = {
        rating: 'achieved',
        limitingFactors: [],
        note: '',
        by: record.department,
        at: '2027-01-04T09:00:00.000Z',
        late: false,
        history: [],
      };
    });
    await coordinator.say('cycle close', 'Cycle 2027-Q1 is closed');
    // The next working day: nobody is asked twice in one day.
    world.clock.set(new Date('2027-01-05T08:00:00Z'));
    await coordinator.say('cycle start 2027-Q2 15.5.2027', 'Cycle 2027-Q2 is open');
    await waitFor(() => kalle.lastText().includes('[Pitää yhä paikkansa]'));
    expect(kalle.lastText()).toContain('Viime kerralla (2027-Q1)');

    const teams = teamsClientOf(world, kalle);
    const pressed = await teams.execute('Pitää yhä paikkansa', { times: 2 });
    expect(pressed.answers.map((a) => a.status)).toEqual([200, 200]);
    await waitFor(() => kalle.texts().some((t) => t.includes('arviointikierroksen 2027-Q2')));
    const record = await getRecord(world.store, '2027-Q2', 'culture');
    for (const q of kf04.questions)
      expect(record.answers[q.id]).toMatchObject({ confirmedFrom: '2027-Q1', revision: 1 });
    expect(record.ratings.KF04).toMatchObject({ rating: 'achieved', confirmedFrom: '2027-Q1' });
  });
});
