import { describe, expect, it } from 'vitest';
import { workCalendar } from '../../src/scheduler/calendar.ts';
import { isTasaError } from '../../src/shared/errors.ts';

describe('the work calendar', () => {
  const finland = workCalendar('Europe/Helsinki', 'FI');

  it('knows Finnish public and bank holidays', () => {
    expect(finland.isWorkingDay('2027-12-06')).toBe(false);
    expect(finland.holidayName('2027-12-06')).toBe('itsenäisyyspäivä');
    // Midsummer Eve is a bank holiday: offices close.
    expect(finland.isWorkingDay('2027-06-25')).toBe(false);
    expect(finland.holidayName('2027-06-25')).toBe('juhannusaatto');
    expect(finland.isWorkingDay('2027-12-07')).toBe(true);
    expect(finland.holidayName('2027-12-07')).toBeUndefined();
  });

  it('keeps weekends off and observances on', () => {
    expect(finland.isWorkingDay('2027-01-09')).toBe(false); // a Saturday
    expect(finland.isWorkingDay('2027-01-10')).toBe(false); // a Sunday
    expect(finland.holidayName('2027-01-09')).toBeUndefined();
    expect(finland.isWorkingDay('2027-01-11')).toBe(true);
  });

  it('works across years', () => {
    expect(finland.isWorkingDay('2028-12-06')).toBe(false);
    expect(finland.isWorkingDay('2026-12-24')).toBe(false);
    expect(finland.isWorkingDay('2028-01-03')).toBe(true);
  });

  it('reads the local date in its zone', () => {
    // 00:30 on Independence Day in Helsinki is still the 5th in UTC.
    const instant = new Date('2027-12-05T22:30:00Z');
    expect(finland.localDate(instant)).toBe('2027-12-06');
    expect(finland.isWorkingDay(finland.localDate(instant))).toBe(false);
  });

  it('knows regional holidays', () => {
    // Epiphany is a holiday in Bavaria, not in Berlin.
    expect(workCalendar('Europe/Berlin', 'DE-BY').isWorkingDay('2027-01-06')).toBe(false);
    expect(workCalendar('Europe/Berlin', 'DE-BE').isWorkingDay('2027-01-06')).toBe(true);
    expect(workCalendar('Europe/Stockholm', 'SE').isWorkingDay('2027-06-25')).toBe(false);
  });

  it("with 'none' only weekends are off", () => {
    const plain = workCalendar('Europe/Helsinki', 'none');
    expect(plain.isWorkingDay('2027-12-06')).toBe(true);
    expect(plain.isWorkingDay('2027-06-25')).toBe(true);
    expect(plain.isWorkingDay('2027-01-09')).toBe(false);
    expect(plain.holidayName('2027-12-06')).toBeUndefined();
  });

  it('refuses something that is not a date', () => {
    expect(() => finland.isWorkingDay('2027-02-30')).toThrow(RangeError);
    expect(() => finland.isWorkingDay('6.12.2027')).toThrow(RangeError);
  });

  it('refuses a calendar it does not know', () => {
    for (const holidays of ['XX', 'DE-XX', 'FI-01-02']) {
      let thrown: unknown;
      try {
        workCalendar('Europe/Helsinki', holidays);
      } catch (error) {
        thrown = error;
      }
      expect(isTasaError(thrown, 'config_invalid')).toBe(true);
    }
  });
});
