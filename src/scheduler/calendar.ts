import Holidays from 'date-holidays';
import { ErrorCode, TasaError } from '../shared/errors.ts';
import { localDate } from './wall-time.ts';

/** Which local days people work: weekends and public or bank holidays are off. */
export interface WorkCalendar {
  /** The local date of an instant in the calendar's zone, 'YYYY-MM-DD'. */
  localDate(instant: Date): string;
  isWorkingDay(localDate: string): boolean;
  /** The name of the holiday that makes this date a day off, in the country's language. */
  holidayName(localDate: string): string | undefined;
}

/** Holiday types on which offices are closed; observances and the like are working days. */
const daysOff: ReadonlySet<string> = new Set(['public', 'bank']);

/** `holidays` is 'FI', 'SE', a region such as 'DE-BY', or 'none'. */
export function workCalendar(timeZone: string, holidays: string): WorkCalendar {
  const source = holidaySource(holidays);
  const byYear = new Map<number, ReadonlyMap<string, string>>();

  const holidaysIn = (year: number): ReadonlyMap<string, string> => {
    let names = byYear.get(year);
    if (!names) {
      const found = new Map<string, string>();
      for (const holiday of source?.getHolidays(year) ?? []) {
        const date = holiday.date.slice(0, 10);
        if (daysOff.has(holiday.type) && !found.has(date)) found.set(date, holiday.name);
      }
      names = found;
      byYear.set(year, names);
    }
    return names;
  };

  const holidayName = (date: string): string | undefined =>
    holidaysIn(Number(date.slice(0, 4))).get(date);

  return {
    localDate: (instant) => localDate(instant, timeZone),
    isWorkingDay: (date) => {
      const weekday = weekdayOf(date);
      return weekday !== 0 && weekday !== 6 && holidayName(date) === undefined;
    },
    holidayName,
  };
}

/** 0 = Sunday; throws on anything but a real 'YYYY-MM-DD' (V8 would roll 02-30 over). */
function weekdayOf(date: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a local date (YYYY-MM-DD): "${date}"`);
  }
  return day.getUTCDay();
}

function holidaySource(holidays: string): Holidays | undefined {
  if (holidays === 'none') return undefined;
  const [country = '', region, ...rest] = holidays.split('-');
  const known = new Holidays().getCountries();
  const regions = region === undefined ? {} : (new Holidays().getStates(country) ?? {});
  // The config schema checks this too; date-holidays would quietly ignore an unknown region.
  if (rest.length > 0 || !(country in known) || (region !== undefined && !(region in regions))) {
    throw new TasaError(ErrorCode.ConfigInvalid, `unknown holiday calendar "${holidays}"`, {
      holidays,
    });
  }
  return region === undefined ? new Holidays(country) : new Holidays(country, region);
}
