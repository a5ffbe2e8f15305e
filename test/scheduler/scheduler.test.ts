import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler, type Job, type Scheduler } from '../../src/scheduler/scheduler.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

const helsinki = 'Europe/Helsinki';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Clock = ReturnType<typeof fixedClock>;

/** What a city would see: which job ran for which slot, and when. */
interface Run {
  job: string;
  slot: string;
  firesAt: string;
  ranAt: string;
}

const stores: Store[] = [];
const schedulers: Scheduler[] = [];
afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((scheduler) => scheduler.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function memoryStore(clock: Clock): Store {
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'x', clock });
  stores.push(store);
  return store;
}

function sqliteStore(file: string, clock: Clock): Store {
  const store = openStore({ url: `sqlite://${file}`, dataDir: '.', namespace: 'x', clock });
  stores.push(store);
  return store;
}

function recording(runs: Run[], clock: Clock, name: string, cron: string): Job {
  return {
    name,
    cron,
    run: async (slot) => {
      runs.push({
        job: name,
        slot: slot.id,
        firesAt: slot.firesAt.toISOString(),
        ranAt: clock.now().toISOString(),
      });
    },
  };
}

function scheduler(
  store: Store,
  clock: Clock,
  jobs: Job[],
  graceMs = 6 * HOUR,
  logger = memoryLogger(),
): Scheduler {
  const created = createScheduler({ store, clock, timeZone: helsinki, graceMs, logger, jobs });
  schedulers.push(created);
  return created;
}

/** Ticks every minute from the clock's current time up to and including `until`. */
async function tickUntil(clock: Clock, until: string, ...ticking: Scheduler[]): Promise<void> {
  const end = new Date(until).getTime();
  for (;;) {
    await Promise.all(ticking.map((s) => s.tick()));
    if (clock.now().getTime() >= end) return;
    clock.advance(MINUTE);
  }
}

const slotsOf = (runs: Run[], job: string): string[] =>
  runs.filter((run) => run.job === job).map((run) => run.slot);

describe('the scheduler, ticking every minute for a week in Helsinki', () => {
  // Monday 2027-01-04 00:00 Helsinki (UTC+2) to the next Monday 00:00.
  const weekStart = '2027-01-03T22:00:00Z';
  const weekEnd = '2027-01-10T22:00:00Z';

  it('runs each job exactly on its local days and times', async () => {
    const clock = fixedClock(new Date(weekStart));
    const runs: Run[] = [];
    const week = scheduler(memoryStore(clock), clock, [
      recording(runs, clock, 'check-ins', '0 9 * * 1'),
      recording(runs, clock, 'reminders', '0 9 * * 1-5'),
      recording(runs, clock, 'weekly-summary', '0 14 * * 5'),
      recording(runs, clock, 'early', '0 8 * * 1'),
    ]);
    await tickUntil(clock, weekEnd, week);

    expect(slotsOf(runs, 'check-ins')).toEqual(['2027-01-04T09:00']);
    expect(slotsOf(runs, 'reminders')).toEqual([
      '2027-01-04T09:00',
      '2027-01-05T09:00',
      '2027-01-06T09:00',
      '2027-01-07T09:00',
      '2027-01-08T09:00',
    ]);
    expect(slotsOf(runs, 'weekly-summary')).toEqual(['2027-01-08T14:00']);
    expect(slotsOf(runs, 'early')).toEqual(['2027-01-04T08:00']);

    // Winter in Helsinki is UTC+2, and each run happens on the minute it is due.
    expect(runs.find((run) => run.job === 'check-ins')).toEqual({
      job: 'check-ins',
      slot: '2027-01-04T09:00',
      firesAt: '2027-01-04T07:00:00.000Z',
      ranAt: '2027-01-04T07:00:00.000Z',
    });
    expect(runs.find((run) => run.job === 'weekly-summary')?.firesAt).toBe(
      '2027-01-08T12:00:00.000Z',
    );
    expect(runs.find((run) => run.job === 'early')?.firesAt).toBe('2027-01-04T06:00:00.000Z');
    for (const run of runs) expect(run.ranAt).toBe(run.firesAt);
    // Jobs due in the same minute run in the order they are listed.
    expect(runs.slice(0, 3).map((run) => run.job)).toEqual(['early', 'check-ins', 'reminders']);
  });
});

describe('the scheduler across daylight saving time in Helsinki', () => {
  const dailyJobs = (runs: Run[], clock: Clock): Job[] => [
    recording(runs, clock, 'night', '30 3 * * *'),
    recording(runs, clock, 'morning', '0 9 * * *'),
  ];
  const days = (from: number, month: string): string[] =>
    Array.from({ length: 7 }, (_, i) => `2027-${month}-${String(from + i).padStart(2, '0')}`);

  it('spring forward: the skipped 03:30 runs once, at the end of the gap; 09:00 runs daily', async () => {
    // Monday 2027-03-22 00:00 (UTC+2) to Monday 2027-03-29 00:00 (UTC+3).
    const clock = fixedClock(new Date('2027-03-21T22:00:00Z'));
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-03-28T21:00:00Z',
      scheduler(memoryStore(clock), clock, dailyJobs(runs, clock)),
    );

    expect(slotsOf(runs, 'night')).toEqual(days(22, '03').map((day) => `${day}T03:30`));
    expect(slotsOf(runs, 'morning')).toEqual(days(22, '03').map((day) => `${day}T09:00`));
    const transition = runs.filter((run) => run.slot.startsWith('2027-03-28'));
    expect(transition).toEqual([
      // 03:00 became 04:00 at 01:00Z: the first instant after the gap.
      {
        job: 'night',
        slot: '2027-03-28T03:30',
        firesAt: '2027-03-28T01:00:00.000Z',
        ranAt: '2027-03-28T01:00:00.000Z',
      },
      {
        job: 'morning',
        slot: '2027-03-28T09:00',
        firesAt: '2027-03-28T06:00:00.000Z',
        ranAt: '2027-03-28T06:00:00.000Z',
      },
    ]);
    expect(runs.find((run) => run.slot === '2027-03-27T09:00')?.firesAt).toBe(
      '2027-03-27T07:00:00.000Z',
    );
  });

  it('fall back: the repeated 03:30 runs once, the first time; 09:00 runs daily', async () => {
    // Monday 2027-10-25 00:00 (UTC+3) to Monday 2027-11-01 00:00 (UTC+2).
    const clock = fixedClock(new Date('2027-10-24T21:00:00Z'));
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-10-31T22:00:00Z',
      scheduler(memoryStore(clock), clock, dailyJobs(runs, clock)),
    );

    expect(slotsOf(runs, 'night')).toEqual(days(25, '10').map((day) => `${day}T03:30`));
    expect(slotsOf(runs, 'morning')).toEqual(days(25, '10').map((day) => `${day}T09:00`));
    const transition = runs.filter((run) => run.slot.startsWith('2027-10-31'));
    expect(transition.map((run) => [run.slot, run.ranAt])).toEqual([
      // 03:30 happened at 00:30Z and again at 01:30Z; only the first ran.
      ['2027-10-31T03:30', '2027-10-31T00:30:00.000Z'],
      ['2027-10-31T09:00', '2027-10-31T07:00:00.000Z'],
    ]);
  });
});

describe('two scheduler replicas on one store', () => {
  const jobs = (runs: Run[], clock: Clock): Job[] => [
    recording(runs, clock, 'check-ins', '0 9 * * 1'),
    recording(runs, clock, 'reminders', '0 9 * * 1-5'),
    recording(runs, clock, 'every-quarter-hour', '*/15 8-10 * * *'),
  ];

  const expectEachSlotOnce = (runs: Run[]): void => {
    const keys = runs.map((run) => `${run.job} ${run.slot}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(slotsOf(runs, 'check-ins')).toEqual(['2027-01-04T09:00']);
    expect(slotsOf(runs, 'reminders')).toHaveLength(5);
    // 8:00–10:45 every quarter hour on seven days.
    expect(slotsOf(runs, 'every-quarter-hour')).toHaveLength(12 * 7);
  };

  it('run each slot exactly once in total (in-memory store, shared object)', async () => {
    const clock = fixedClock(new Date('2027-01-03T22:00:00Z'));
    const store = memoryStore(clock);
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-01-10T22:00:00Z',
      scheduler(store, clock, jobs(runs, clock)),
      scheduler(store, clock, jobs(runs, clock)),
    );
    expectEachSlotOnce(runs);
  });

  it('run each slot exactly once in total (SQLite file, two connections)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tasa-scheduler-')), 'tasa.sqlite');
    const clock = fixedClock(new Date('2027-01-03T22:00:00Z'));
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-01-10T22:00:00Z',
      scheduler(sqliteStore(file, clock), clock, jobs(runs, clock)),
      scheduler(sqliteStore(file, clock), clock, jobs(runs, clock)),
    );
    expectEachSlotOnce(runs);
  });
});

describe('the scheduler after downtime', () => {
  // Monday 2027-01-04 09:00 Helsinki is 07:00Z.
  const checkIns = (runs: Run[], clock: Clock): Job[] => [
    recording(runs, clock, 'check-ins', '0 9 * * 1'),
  ];

  it('makes up a slot missed two hours ago, within the six-hour grace, once', async () => {
    const clock = fixedClock(new Date('2027-01-04T09:00:00Z'));
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-01-04T12:00:00Z',
      scheduler(memoryStore(clock), clock, checkIns(runs, clock)),
    );
    expect(runs).toEqual([
      {
        job: 'check-ins',
        slot: '2027-01-04T09:00',
        firesAt: '2027-01-04T07:00:00.000Z',
        ranAt: '2027-01-04T09:00:00.000Z',
      },
    ]);
  });

  it('does not make up a slot missed seven hours ago', async () => {
    const clock = fixedClock(new Date('2027-01-04T14:00:00Z'));
    const runs: Run[] = [];
    await tickUntil(
      clock,
      '2027-01-04T16:00:00Z',
      scheduler(memoryStore(clock), clock, checkIns(runs, clock)),
    );
    expect(runs).toEqual([]);
  });

  it('makes up only the latest of several missed slots', async () => {
    const clock = fixedClock(new Date('2027-01-04T12:10:00Z'));
    const runs: Run[] = [];
    const hourly = recording(runs, clock, 'hourly', '0 * * * *');
    await tickUntil(clock, '2027-01-04T12:30:00Z', scheduler(memoryStore(clock), clock, [hourly]));
    // Down since before 09:00 Helsinki; 09:00 to 14:00 were all missed.
    expect(runs.map((run) => [run.slot, run.ranAt])).toEqual([
      ['2027-01-04T14:00', '2027-01-04T12:10:00.000Z'],
    ]);
  });

  it('does not run a slot again after a restart', async () => {
    const clock = fixedClock(new Date('2027-01-04T06:58:00Z'));
    const store = memoryStore(clock);
    const runs: Run[] = [];
    const first = scheduler(store, clock, checkIns(runs, clock));
    await tickUntil(clock, '2027-01-04T07:00:00Z', first);
    expect(slotsOf(runs, 'check-ins')).toEqual(['2027-01-04T09:00']);
    await first.stop();

    clock.advance(MINUTE);
    const restarted = scheduler(store, clock, checkIns(runs, clock));
    await tickUntil(clock, '2027-01-04T09:00:00Z', restarted);
    expect(slotsOf(runs, 'check-ins')).toEqual(['2027-01-04T09:00']);
  });

  it('skips and logs a slot found too late, such as after the host slept', async () => {
    const clock = fixedClock(new Date('2027-01-04T06:00:00Z'));
    const runs: Run[] = [];
    const logger = memoryLogger();
    const sleepy = scheduler(memoryStore(clock), clock, checkIns(runs, clock), 6 * HOUR, logger);
    await sleepy.tick();
    clock.advance(8 * HOUR);
    await sleepy.tick();
    expect(runs).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ job: 'check-ins', slot: '2027-01-04T09:00' }),
      }),
    );
  });

  it('does nothing once stopped', async () => {
    const clock = fixedClock(new Date('2027-01-04T06:59:00Z'));
    const runs: Run[] = [];
    const stopped = scheduler(memoryStore(clock), clock, checkIns(runs, clock));
    await stopped.tick();
    await stopped.stop();
    clock.advance(MINUTE);
    await stopped.tick();
    expect(runs).toEqual([]);
  });
});

describe('the scheduler when the clock jumps back', () => {
  it('does not run a slot twice', async () => {
    const clock = fixedClock(new Date('2027-01-04T06:50:00Z'));
    const runs: Run[] = [];
    const jumpy = scheduler(memoryStore(clock), clock, [
      recording(runs, clock, 'check-ins', '0 9 * * 1'),
    ]);
    await tickUntil(clock, '2027-01-04T07:10:00Z', jumpy);
    clock.advance(-HOUR);
    await tickUntil(clock, '2027-01-04T07:30:00Z', jumpy);
    expect(runs.map((run) => [run.slot, run.ranAt])).toEqual([
      ['2027-01-04T09:00', '2027-01-04T07:00:00.000Z'],
    ]);
  });
});

describe('a failing job', () => {
  it('does not stop the other jobs or later ticks, and is logged', async () => {
    const clock = fixedClock(new Date('2027-01-03T22:00:00Z'));
    const runs: Run[] = [];
    const attempts: string[] = [];
    const logger = memoryLogger();
    const broken: Job = {
      name: 'broken',
      cron: '0 9 * * *',
      run: async (slot) => {
        attempts.push(slot.id);
        throw new Error('Slack is down');
      },
    };
    await tickUntil(
      clock,
      '2027-01-05T22:00:00Z',
      scheduler(
        memoryStore(clock),
        clock,
        [broken, recording(runs, clock, 'reminders', '0 9 * * *')],
        6 * HOUR,
        logger,
      ),
    );
    expect(attempts).toEqual(['2027-01-04T09:00', '2027-01-05T09:00']);
    expect(slotsOf(runs, 'reminders')).toEqual(['2027-01-04T09:00', '2027-01-05T09:00']);
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]!.fields).toMatchObject({ job: 'broken', slot: '2027-01-04T09:00' });
    expect((errors[0]!.fields as { err: Error }).err.message).toBe('Slack is down');
  });
});

describe('scheduler set-up', () => {
  it('refuses an invalid cron expression at once', () => {
    const clock = fixedClock(new Date('2027-01-04T00:00:00Z'));
    expect(() =>
      createScheduler({
        store: memoryStore(clock),
        clock,
        timeZone: helsinki,
        graceMs: HOUR,
        logger: memoryLogger(),
        jobs: [{ name: 'bad', cron: '61 9 * * *', run: async () => {} }],
      }),
    ).toThrow();
  });
});
