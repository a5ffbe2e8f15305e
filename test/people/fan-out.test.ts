import { describe, expect, it } from 'vitest';
import type { NewItem } from '../../src/outbox/items.ts';
import type { Outbox } from '../../src/outbox/outbox.ts';
import { fanOut, mayAsk, type FanOut } from '../../src/people/fan-out.ts';
import { updatePersonState } from '../../src/people/preferences.ts';
import { workCalendar } from '../../src/scheduler/calendar.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';

const to = { platform: 'slack', kind: 'person', id: 'U' } as const;
const people = ['ann', 'ben', 'cat', 'dan'];

/** Ann is away until Wednesday, Ben snoozed until Thursday, Cat was asked on Monday; Dan is free. */
async function setup() {
  const clock = fixedClock(new Date('2027-01-04T07:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'fan-out', clock });
  await updatePersonState(store, 'ann', (s) => ({ ...s, awayUntil: '2027-01-13' }));
  await updatePersonState(store, 'ben', (s) => ({ ...s, snoozedUntil: '2027-01-14' }));
  await updatePersonState(store, 'cat', (s) => ({
    ...s,
    lastPromptedOn: '2027-01-11',
    lastRemindedOn: '2027-01-12',
  }));
  const recorded: string[] = [];
  const outbox: Outbox = {
    enqueue: async (_batch, items) => void recorded.push(...items.map((i) => i.key)),
    drain: async () => ({ sent: 0, skipped: 0, failed: 0 }),
    backlog: async () => 0,
    stop: () => undefined,
  };
  const logger = memoryLogger();
  const deps = { store, outbox, logger, calendar: workCalendar('Europe/Helsinki', 'FI') };
  const run = (plan: Partial<FanOut> & { day: string }) =>
    fanOut(deps, {
      what: 'check-ins',
      batch: plan.day,
      asking: 'checkIn',
      people: async () => people,
      itemFor: (person): NewItem => ({
        key: person,
        kind: 'checkIn',
        to,
        payload: { person, cycle: 'Q1', day: plan.day },
      }),
      ...plan,
    });
  return { run, recorded, logger };
}

describe('a fan-out', () => {
  it('records nothing on a weekend or a public holiday, and says why', async () => {
    const { run, recorded, logger } = await setup();
    expect(await run({ day: '2027-01-09' })).toBeUndefined(); // a Saturday
    expect(await run({ day: '2027-01-06' })).toBeUndefined(); // Epiphany
    expect(recorded).toEqual([]);
    expect(
      logger.lines.map((l) => [l.message, (l.fields as { holiday?: string }).holiday]),
    ).toEqual([
      ['no check-ins on a day off', undefined],
      ['no check-ins on a day off', 'loppiainen'],
    ]);
  });

  it('leaves alone whoever is away or snoozed, and whoever was asked today', async () => {
    const { run, recorded } = await setup();
    expect(await run({ day: '2027-01-11' })).toBe(1);
    expect(recorded).toEqual(['dan']);
    // Ann is back on Thursday, Ben's snooze ends then, and Cat was asked on Monday only.
    expect(await run({ day: '2027-01-14' })).toBe(4);
  });

  it('keeps reminders and check-ins to one a day each, separately', async () => {
    const { run, recorded } = await setup();
    await run({ day: '2027-01-11', asking: 'reminder' });
    await run({ day: '2027-01-12', asking: 'reminder' });
    expect(recorded).toEqual(['cat', 'dan', 'dan']);
  });

  it('asked for now by a coordinator goes out on a day off, and to someone asked today, but not to anyone resting', async () => {
    const { run, recorded } = await setup();
    expect(await run({ day: '2027-01-11', now: true })).toBe(2);
    expect(await run({ day: '2027-01-09', now: true })).toBe(2);
    expect(recorded).toEqual(['cat', 'dan', 'cat', 'dan']);
  });

  it('skips a person it cannot make an item for', async () => {
    const { run, recorded } = await setup();
    expect(await run({ day: '2027-01-14', itemFor: () => undefined })).toBe(0);
    expect(recorded).toEqual([]);
  });
});

describe('the one-a-day rule', () => {
  it('is the same at send time: resting, asked today, or asked again on purpose', () => {
    const day = '2027-01-11';
    expect(mayAsk({}, day, 'checkIn')).toBe(true);
    expect(mayAsk({ awayUntil: day }, day, 'checkIn', true)).toBe(false);
    expect(mayAsk({ snoozedUntil: '2027-01-12' }, day, 'reminder')).toBe(false);
    expect(mayAsk({ lastPromptedOn: day }, day, 'checkIn')).toBe(false);
    expect(mayAsk({ lastPromptedOn: day }, day, 'reminder')).toBe(true);
    expect(mayAsk({ lastPromptedOn: day }, day, 'checkIn', true)).toBe(true);
  });
});
