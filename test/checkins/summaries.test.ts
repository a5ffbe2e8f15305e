import { describe, expect, it } from 'vitest';
import { openWork } from '../../src/checkins/progress.ts';
import {
  emptyRecord,
  recordKey,
  type DepartmentRecord,
} from '../../src/checkins/record-repository.ts';
import { cycleRecords, cycleStatus, myOpenQuestions, statusOf } from '../../src/checkins/status.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { createHandOverRepository } from '../../src/people/hand-overs-repository.ts';
import { peopleWithOpenWork } from '../../src/checkins/schedule.ts';
import { privacyOf } from '../../src/core.ts';
import { applyRetention } from '../../src/privacy/privacy.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { createWorld, type World } from '../helpers/world.ts';

const people = ['slack:UEDU1', 'slack:UEDU2', 'slack:UCULT1', 'slack:UHR9', 'slack:UHR8'];

/**
 * What status, "my open questions" and the check-in job show, and what they
 * would show computed straight from the full department records.
 */
async function shown(world: World) {
  const cycle = (await getCycle(world.store, '2027-Q1'))!;
  const records = await cycleRecords(world.store, cycle);
  const fromRecords = {
    status: statusOf(cycle, records),
    open: people.map((person) =>
      openWork(cycle, records, person, world.directory).map((w) => ({
        department: w.department,
        keyFactor: w.keyFactor.id,
        questions: w.questions.map((q) => q.id),
        needsRating: w.questions.length === 0,
      })),
    ),
    // As the check-in job always chose: contacts and hand-overs in department order, if they have work.
    asked: [
      ...new Set(
        cycle.departments.flatMap((d) => [
          ...world.directory.contactsOf(d.id),
          ...Object.values(records.get(d.id)?.handOvers ?? {}).map((h) => h.to),
        ]),
      ),
    ].filter((p) => openWork(cycle, records, p, world.directory).length > 0),
  };
  const read = {
    status: await cycleStatus(world.store, cycle),
    open: await Promise.all(
      people.map((person) => myOpenQuestions(world.store, world.directory, cycle, person)),
    ),
    asked: await peopleWithOpenWork(world.store, world.directory, cycle),
  };
  return { read, fromRecords };
}

/** Status as shown must be status as the records say, after every change. */
async function agreed(world: World) {
  const { read, fromRecords } = await shown(world);
  expect(read).toEqual(fromRecords);
  return read;
}

const act = (world: World, id: string, action: Record<string, unknown>) =>
  world
    .person(id)
    .act({ cycle: '2027-Q1', department: 'education', ...action } as Parameters<
      ReturnType<World['person']>['act']
    >[0]);

describe('status read from department summaries', () => {
  it('agrees with the department records after every kind of change', async () => {
    const world = createWorld();
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    let before = await agreed(world);
    const changed = async (what: string) => {
      const now = await agreed(world);
      expect(now, `${what} shows`).not.toEqual(before);
      before = now;
      return now;
    };

    await act(world, 'UEDU1', { kind: 'start', keyFactor: 'KF01' });
    await agreed(world);
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q1', status: 'yes', revision: 0 });
    expect((await changed('an answer')).status.answered).toBe(1);

    // A colleague changes it: still one answer, now a "no".
    await act(world, 'UEDU2', { kind: 'answer', question: 'KF01.Q1', status: 'no', revision: 1 });
    const kf01 = (await changed('a changed answer')).status.keyFactors[0];
    expect(kf01).toMatchObject({ keyFactor: 'KF01', answered: 1, statuses: { yes: 0, no: 1 } });

    // Explained in a form.
    await act(world, 'UEDU1', { kind: 'explain', question: 'KF01.Q2', revision: 0 });
    await world.person('UEDU1').submit({ status: 'partly', explanation: 'Adopted in part.' });
    await changed('an explained answer');

    world.clock.set(new Date('2027-02-16T09:00:00Z'));
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q3', status: 'no', revision: 0 });
    expect((await changed('a late answer')).status.departments[0]).toMatchObject({ late: 1 });

    await act(world, 'UEDU1', { kind: 'rate', keyFactor: 'KF01', rating: 'started' });
    expect((await changed('a rating')).status.departments[0]).toMatchObject({ rated: 1 });

    await act(world, 'UCULT1', { kind: 'skip', department: 'culture', keyFactor: 'KF04' });
    await world.person('UCULT1').submit({ reason: 'The city-wide body covers us.' });
    const skipped = await changed('a skip');
    expect(skipped.status.departments[1]).toMatchObject({ skipped: ['KF04'] });
    expect(skipped.asked).not.toContain('slack:UCULT1');

    await act(world, 'UEDU1', { kind: 'handOver', keyFactor: 'KF06' });
    await world.person('UEDU1').submit({ colleague: 'UHR9' });
    expect((await changed('a hand-over')).asked).toContain('slack:UHR9');

    await act(world, 'UHR9', { kind: 'start', keyFactor: 'KF06' });
    await act(world, 'UHR9', { kind: 'answer', question: 'KF06.Q1', status: 'yes', revision: 0 });
    await changed('an answer by whoever it was handed to');

    // Erased: the hand-over now belongs to the department, no longer to the person.
    await privacyOf(world.store, world.directory).erase('slack:UHR9');
    expect((await changed('an erasure')).asked).not.toContain('slack:UHR9');

    await act(world, 'UEDU2', { kind: 'handOver', keyFactor: 'KF01' });
    await world.person('UEDU2').submit({ colleague: 'UHR8' });
    expect((await changed('a second hand-over')).asked).toContain('slack:UHR8');

    // Years after it closed, the cycle is anonymised, hand-overs included.
    expect((await world.close()).ok).toBe(true);
    expect(await applyRetention(world.store, '2035-01-01')).toBeGreaterThan(0);
    expect((await changed('anonymisation')).asked).not.toContain('slack:UHR8');
  });

  it('reads records kept before summaries existed, and keeps them in step from then on', async () => {
    const world = createWorld();
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    // Written as an earlier version of Tasa did: a record and no summary.
    const earlier: DepartmentRecord = {
      ...emptyRecord('2027-Q1', 'education'),
      started: { KF01: { by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' } },
      answers: {
        'KF01.Q1': {
          status: 'partly',
          explanation: 'Adopted in part.',
          evidence: [],
          late: false,
          revision: 1,
          history: [],
          by: 'slack:UEDU1',
          at: '2027-01-04T08:00:00.000Z',
        },
      },
      handOvers: { KF06: { to: 'slack:UHR9', by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' } },
    };
    await world.store.set(recordKey('2027-Q1', 'education'), earlier);
    await createHandOverRepository(world.store).add('2027-Q1', 'slack:UHR9', 'education');

    // Several readers at once, as when many coordinators ask after an upgrade.
    const cycle = (await getCycle(world.store, '2027-Q1'))!;
    const [first, ...others] = await Promise.all(
      Array.from({ length: 5 }, () => cycleStatus(world.store, cycle)),
    );
    expect(first?.departments[0]).toMatchObject({ answered: 1, total: 11 });
    for (const other of others) expect(other).toEqual(first);
    expect((await agreed(world)).asked).toEqual([
      'slack:UEDU1',
      'slack:UEDU2',
      'slack:UHR9',
      'slack:UCULT1',
    ]);

    await act(world, 'UEDU2', { kind: 'answer', question: 'KF01.Q2', status: 'yes', revision: 0 });
    expect((await agreed(world)).status.departments[0]).toMatchObject({ answered: 2 });
  });

  it('stays right when a save fails: the record and its summary are written together or not at all', async () => {
    let failOn: string | undefined;
    const inner = openStore({
      url: 'memory:',
      dataDir: '.',
      namespace: 'test',
      clock: fixedClock(new Date('2027-01-04T08:00:00Z')),
    });
    // The store fails one write, as a store going away in the middle would.
    const failing = (keys: readonly string[]) => {
      if (failOn === undefined || !keys.some((key) => key.startsWith(failOn ?? ''))) return;
      failOn = undefined;
      throw new Error('the store went away');
    };
    const store: Store = {
      ...inner,
      async set(key, value, ttlMs) {
        failing([key]);
        return inner.set(key, value, ttlMs);
      },
      async setMany(entries) {
        failing(entries.map((e) => e.key));
        return inner.setMany(entries);
      },
    };
    const world = createWorld({ store });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    await act(world, 'UEDU1', { kind: 'start', keyFactor: 'KF01' });
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q1', status: 'yes', revision: 0 });
    expect((await agreed(world)).status.answered).toBe(1);

    // Neither the record nor its summary is saved: status still agrees with the records.
    failOn = 'summary:';
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q2', status: 'no', revision: 0 });
    expect(failOn).toBeUndefined();
    expect((await agreed(world)).status.answered).toBe(1);

    failOn = 'record:';
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q3', status: 'no', revision: 0 });
    expect(failOn).toBeUndefined();
    expect((await agreed(world)).status.answered).toBe(1);

    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q2', status: 'no', revision: 0 });
    await act(world, 'UEDU1', { kind: 'answer', question: 'KF01.Q3', status: 'no', revision: 0 });
    expect((await agreed(world)).status.answered).toBe(3);
  });
});
