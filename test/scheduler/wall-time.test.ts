import { describe, expect, it } from 'vitest';
import { instantOf, localDate, wallId, wallTime } from '../../src/scheduler/wall-time.ts';

const helsinki = 'Europe/Helsinki';

describe('wall time', () => {
  it('reads the clock on a Helsinki wall in winter and summer', () => {
    expect(wallTime(new Date('2027-01-04T07:00:00Z'), helsinki)).toEqual({
      year: 2027,
      month: 1,
      day: 4,
      hour: 9,
      minute: 0,
      weekday: 1,
    });
    expect(wallId(wallTime(new Date('2027-06-25T06:05:00Z'), helsinki))).toBe('2027-06-25T09:05');
    // Midnight is hour 0, not 24.
    expect(wallId(wallTime(new Date('2027-01-03T22:00:00Z'), helsinki))).toBe('2027-01-04T00:00');
  });

  it('gives the local date, which differs from the UTC date near midnight', () => {
    expect(localDate(new Date('2027-12-05T22:30:00Z'), helsinki)).toBe('2027-12-06');
    expect(localDate(new Date('2027-12-05T22:30:00Z'), 'UTC')).toBe('2027-12-05');
    expect(localDate(new Date('2027-12-06T04:00:00Z'), 'America/New_York')).toBe('2027-12-05');
  });

  it('finds the instant of an ordinary wall time', () => {
    expect(instantOf('2027-01-04T09:00', helsinki).toISOString()).toBe('2027-01-04T07:00:00.000Z');
    expect(instantOf('2027-07-01T09:00', helsinki).toISOString()).toBe('2027-07-01T06:00:00.000Z');
  });

  it('moves a wall time skipped by spring forward to the end of the gap', () => {
    // 2027-03-28: 03:00 Helsinki becomes 04:00 (01:00Z).
    expect(instantOf('2027-03-28T02:59', helsinki).toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(instantOf('2027-03-28T03:00', helsinki).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(instantOf('2027-03-28T03:30', helsinki).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(instantOf('2027-03-28T04:00', helsinki).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(instantOf('2027-03-14T02:30', 'America/New_York').toISOString()).toBe(
      '2027-03-14T07:00:00.000Z',
    );
  });

  it('takes the earlier of two instants for a wall time repeated by fall back', () => {
    // 2027-10-31: 04:00 Helsinki becomes 03:00 again, so 03:00–03:59 happen twice.
    expect(instantOf('2027-10-31T03:30', helsinki).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(instantOf('2027-10-31T04:00', helsinki).toISOString()).toBe('2027-10-31T02:00:00.000Z');
    expect(instantOf('2027-11-07T01:30', 'America/New_York').toISOString()).toBe(
      '2027-11-07T05:30:00.000Z',
    );
  });

  it('rejects something that is not a wall time', () => {
    expect(() => instantOf('2027-02-30T09:00', helsinki)).toThrow(RangeError);
    expect(() => instantOf('2027-01-04 09:00', helsinki)).toThrow(RangeError);
    expect(() => instantOf('2027-01-04T24:00', helsinki)).toThrow(RangeError);
  });
});
