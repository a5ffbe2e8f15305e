import { afterEach, describe, expect, it } from 'vitest';
import { cronMatcher, slotsBetween, type CronMatcher } from '../../src/scheduler/slots.ts';

const helsinki = 'Europe/Helsinki';
const opened: CronMatcher[] = [];
const matcher = (expression: string): CronMatcher => {
  const created = cronMatcher(expression);
  opened.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((m) => m.close()));
});

const between = (expression: string, from: string, to: string) =>
  slotsBetween(matcher(expression), helsinki, new Date(from), new Date(to)).map((slot) => [
    slot.id,
    slot.firesAt.toISOString(),
  ]);

describe('slots', () => {
  it('are the wall times a cron expression names, firing at the real instant', () => {
    expect(between('0 9 * * 1-5', '2027-01-03T22:00:00Z', '2027-01-10T22:00:00Z')).toEqual([
      ['2027-01-04T09:00', '2027-01-04T07:00:00.000Z'],
      ['2027-01-05T09:00', '2027-01-05T07:00:00.000Z'],
      ['2027-01-06T09:00', '2027-01-06T07:00:00.000Z'],
      ['2027-01-07T09:00', '2027-01-07T07:00:00.000Z'],
      ['2027-01-08T09:00', '2027-01-08T07:00:00.000Z'],
    ]);
  });

  it('exclude the start of the range and include its end', () => {
    expect(between('0 9 * * *', '2027-01-04T07:00:00Z', '2027-01-05T07:00:00Z')).toEqual([
      ['2027-01-05T09:00', '2027-01-05T07:00:00.000Z'],
    ]);
    expect(between('0 9 * * *', '2027-01-04T07:00:00Z', '2027-01-04T07:00:00Z')).toEqual([]);
    // A range running backwards (a clock set back) is empty.
    expect(between('0 9 * * *', '2027-01-05T08:00:00Z', '2027-01-04T08:00:00Z')).toEqual([]);
  });

  it('fire wall minutes skipped by spring forward at the first minute after the gap', () => {
    expect(between('*/15 * * * *', '2027-03-28T00:30:00Z', '2027-03-28T01:20:00Z')).toEqual([
      ['2027-03-28T02:45', '2027-03-28T00:45:00.000Z'],
      ['2027-03-28T03:00', '2027-03-28T01:00:00.000Z'],
      ['2027-03-28T03:15', '2027-03-28T01:00:00.000Z'],
      ['2027-03-28T03:30', '2027-03-28T01:00:00.000Z'],
      ['2027-03-28T03:45', '2027-03-28T01:00:00.000Z'],
      ['2027-03-28T04:00', '2027-03-28T01:00:00.000Z'],
      ['2027-03-28T04:15', '2027-03-28T01:15:00.000Z'],
    ]);
    // The same when the range starts right at the jump.
    expect(between('30 3 * * *', '2027-03-28T00:59:00Z', '2027-03-28T01:00:00Z')).toEqual([
      ['2027-03-28T03:30', '2027-03-28T01:00:00.000Z'],
    ]);
  });

  it('give a wall minute repeated by fall back once, with the same id both times', () => {
    expect(between('*/30 * * * *', '2027-10-30T23:45:00Z', '2027-10-31T02:15:00Z')).toEqual([
      ['2027-10-31T03:00', '2027-10-31T00:00:00.000Z'],
      ['2027-10-31T03:30', '2027-10-31T00:30:00.000Z'],
      ['2027-10-31T04:00', '2027-10-31T02:00:00.000Z'],
    ]);
    // Asked minute by minute, the second 03:30 carries the id the first had.
    expect(between('30 3 * * *', '2027-10-31T00:29:00Z', '2027-10-31T00:30:00Z')).toEqual([
      ['2027-10-31T03:30', '2027-10-31T00:30:00.000Z'],
    ]);
    expect(between('30 3 * * *', '2027-10-31T01:29:00Z', '2027-10-31T01:30:00Z')).toEqual([
      ['2027-10-31T03:30', '2027-10-31T01:30:00.000Z'],
    ]);
  });

  it('walk a week of minutes quickly', () => {
    const started = performance.now();
    const slots = between('* * * * *', '2027-03-21T22:00:00Z', '2027-03-28T21:00:00Z');
    const elapsedMs = performance.now() - started;
    // Every wall minute of the local week: 10,020 real minutes plus the 60 the jump skips.
    expect(slots).toHaveLength(10_080);
    expect(new Set(slots.map(([id]) => id)).size).toBe(slots.length);
    expect(elapsedMs).toBeLessThan(1_000);
  });
});
