import { afterEach, describe, expect, it } from 'vitest';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { createItems } from '../../src/action-plans/repository.ts';
import { updatePersonState } from '../../src/people/preferences.ts';
import { helsinkiDate } from '../helpers/world.ts';
import {
  cityYaml,
  duplicates,
  freshNamespace,
  identity,
  openShared,
  services,
  warnSkipped,
} from './city.ts';
import { startCollector, type Collector } from './collector.ts';
import { startFleet, stopAll, tickMinutes, type Replica } from './fleet.ts';

warnSkipped('the multi-replica week tests');

// Monday 8 March 2027 00:00 in Helsinki (UTC+2) to the next Monday 00:00: no public holiday.
const weekStart = new Date('2027-03-07T22:00:00Z');
const weekEnd = new Date('2027-03-14T22:00:00Z');
const days = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'];

/** Ten departments with two contacts each: UD0A, UD0B … UD9A, UD9B. */
const people = Array.from({ length: 10 }, (_, i) => [`UD${i}A`, `UD${i}B`]).flat();

const item = (id: string, owners: string[], due: string, extra: Partial<ActionItem> = {}) => ({
  title: `Measure ${id}`,
  description: '',
  serves: [{ framework: 'integrating-cities' as const, item: 'KF01' }],
  department: 'd0',
  owners: owners.map((o) => `slack:${o}`),
  due,
  status: 'planned' as const,
  notes: [],
  evidence: [],
  created: { by: 'slack:UCOORD', at: '2027-02-01T08:00:00Z' },
  history: [],
  ...extra,
});

/**
 * Due soon 7 and 1 days before, overdue every working day after, escalated
 * once at 7 days overdue (the defaults). A1…A5 are created in this order.
 */
const items = [
  item('A1', ['UD0A'], '2027-03-17'), // due soon on Wednesday (7 days)
  item('A2', ['UD1A'], '2027-03-11'), // due soon Wednesday (1 day), overdue Friday
  item('A3', ['UD0A', 'UD2A'], '2027-03-03'), // overdue all week; 7 days on Wednesday
  item('A4', ['UD3A'], '2027-03-05', { status: 'done' }), // done: never reminded
  item('A5', ['UD2B'], '2027-03-09'), // due soon Monday; its owner is away Wednesday and Thursday
];

const expectedReminders = [
  '2027-03-08 UD0A A3',
  '2027-03-08 UD2A A3',
  '2027-03-08 UD2B A5',
  '2027-03-09 UD0A A3',
  '2027-03-09 UD2A A3',
  '2027-03-10 UD0A A1+A3',
  '2027-03-10 UD1A A2',
  '2027-03-10 UD2A A3',
  '2027-03-11 UD0A A3',
  '2027-03-11 UD2A A3',
  '2027-03-12 UD0A A3',
  '2027-03-12 UD1A A2',
  '2027-03-12 UD2A A3',
  '2027-03-12 UD2B A5',
].map((line) => {
  const [day, to, ids] = line.split(' ');
  return `reminder ${to} ${day} ${ids}`;
});

/**
 * Check-ins: Monday's comes with the cycle opening at 7:00, the rest at 9:00.
 * Department d5 skips its key factor on Tuesday, so its two contacts have
 * nothing open from Wednesday; UD2B is away on Wednesday and Thursday.
 */
const expectedCheckIns = days.flatMap((day) =>
  people
    .filter((p) => day <= '2027-03-09' || !p.startsWith('UD5'))
    .filter((p) => p !== 'UD2B' || (day !== '2027-03-10' && day !== '2027-03-11'))
    .map((p) => `checkIn ${p} ${day}`),
);

const expected = [
  ...expectedCheckIns,
  ...expectedReminders,
  'escalation CCOORD 2027-03-10 A3',
  'rollup CCOORD 2027-W10',
  'rollupDetail CCOORD',
  'digest CSTEER 2027-W10',
].sort();

for (const service of services) {
  describe.skipIf(!service.url)(`a week of schedules on ${service.name}`, () => {
    let replicas: Replica[] = [];
    let collector: Collector | undefined;
    let shared: ReturnType<typeof openShared> | undefined;
    afterEach(async () => {
      await stopAll(replicas);
      await collector?.close();
      await shared?.store.close();
      [replicas, collector, shared] = [[], undefined, undefined];
    });

    it.each([2, 3])(
      '%i replica processes send each prompt, reminder, roll-up and digest exactly once',
      async (count) => {
        const url = service.url!;
        const namespace = freshNamespace('week');
        shared = openShared(url, namespace, weekStart);
        const store = shared.store;
        await createItems(store, items);
        collector = await startCollector();
        const config = cityYaml(10, ['A', 'B']);
        const options = { storeUrl: url, namespace, config, collector: collector.url };
        replicas = await startFleet(count, { ...options, start: weekStart.toISOString() });

        const skipAt = new Date('2027-03-09T10:00:00Z'); // Tuesday 12:00
        const awayAt = new Date('2027-03-09T16:00:00Z'); // Tuesday 18:00
        await tickMinutes(replicas, weekStart, weekEnd, async (at) => {
          if (at.getTime() === skipAt.getTime()) {
            // The contact's click reaches the last replica, as a load balancer may route it.
            const done = await replicas
              .at(-1)!
              .form(
                at,
                'slack:UD5A',
                { kind: 'skip', cycle: '2027-Q1', department: 'd5', keyFactor: 'KF01' },
                { reason: 'Covered by the city-wide plan.' },
                `skip-${namespace}`,
              );
            expect(done).toMatchObject({ result: { ok: true } });
          }
          if (at.getTime() === awayAt.getTime())
            await updatePersonState(store, 'slack:UD2B', (s) => ({
              ...s,
              awayUntil: '2027-03-11',
            }));
        });

        const sent = collector.messages.map(identity);
        const interactionReplies = sent.filter((key) => key.startsWith('other'));
        const scheduled = sent.filter((key) => !key.startsWith('other')).sort();
        expect(duplicates(scheduled), 'sent more than once').toEqual({});
        expect(scheduled).toEqual(expected);
        // The only other messages answer UD5A's skip, on Tuesday.
        expect(new Set(interactionReplies)).toEqual(new Set(['other UD5A 2027-03-09']));

        // At the hours the schedule says: Monday's with the cycle at 7:00, the others at 9:00 (UTC+2).
        const checkInTimes = new Set(
          collector.messages
            .filter((m) => identity(m).startsWith('checkIn'))
            .map((m) => `${helsinkiDate(new Date(m.at))} ${m.at.slice(11, 16)}`),
        );
        expect([...checkInTimes].sort()).toEqual([
          '2027-03-08 05:00',
          ...days.slice(1).map((day) => `${day} 07:00`),
        ]);
        const rollup = collector.messages.filter((m) => identity(m).startsWith('rollup'));
        expect(rollup.map((m) => m.at)).toEqual([
          '2027-03-12T12:00:00.000Z',
          '2027-03-12T12:00:00.000Z',
        ]);
        // The detail is in the summary's thread.
        expect(rollup[1]!.thread).toBe(rollup[0]!.id);
        expect(await shared.outbox.backlog()).toBe(0);

        // Work was shared: more than one replica sent something.
        const senders = new Set(collector.messages.map((m) => m.replica));
        expect(senders.size, 'replicas that sent').toBeGreaterThan(1);
        const errors = replicas.flatMap((r) => r.log.filter((l) => l.includes(' error ')));
        expect(errors).toEqual([]);
      },
      240_000,
    );
  });
}
