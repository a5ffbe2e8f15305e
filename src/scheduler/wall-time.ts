/**
 * Wall-clock time in an IANA time zone: what a clock on a city hall wall
 * shows at an instant, and back. Schedules are written in wall time; the
 * store and the clock speak in instants.
 */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Building a formatter costs far more than using one, and a week of slots
 * asks for ten thousand readings. A pure memo keyed by zone: a value never
 * changes once stored, so sharing it holds no state anyone can observe.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const weekday = new Date(Date.UTC(fields.year, fields.month - 1, fields.day)).getUTCDay();
  return { ...fields, weekday };
}

/**
 * A wall time read as if it were UTC, in milliseconds: wall minutes can then
 * be counted and compared, including ones a DST gap makes nonexistent.
 */
export function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** The inverse of `wallMs`. */
export function wallAt(ms: number): WallTime {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    weekday: date.getUTCDay(),
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** 'YYYY-MM-DD' */
export function dateId(wall: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** 'YYYY-MM-DDTHH:mm' */
export function wallId(wall: WallTime): string {
  return `${dateId(wall)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(instant: Date, timeZone: string): string {
  return dateId(wallTime(instant, timeZone));
}

/** Parses 'YYYY-MM-DDTHH:mm' into wall-time milliseconds (see `wallMs`). */
function parseWallId(localDateTime: string): number {
  const fields = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime)?.slice(1);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = fields?.map(Number) ?? [];
  const ms = fields ? Date.UTC(year, month - 1, day, hour, minute) : Number.NaN;
  // Date.UTC rolls 25:00 or 02-30 over; a real wall time reads back unchanged.
  if (Number.isNaN(ms) || wallId(wallAt(ms)) !== localDateTime) {
    throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): "${localDateTime}"`);
  }
  return ms;
}

/**
 * The instant a wall time happens in a zone. A time skipped by a spring-
 * forward gap gives the first instant after the gap (when the clock shows
 * the end of the gap); a time repeated by a fall-back gives the earlier one.
 */
export function instantOf(localDateTime: string, timeZone: string): Date {
  const target = parseWallId(localDateTime);
  const wallOf = (t: number): number => wallMs(wallTime(new Date(t), timeZone));
  const offsetAt = (t: number): number => wallOf(t) - t;
  // Offsets a day either side cover any single transition near the target.
  const early = target - offsetAt(target - DAY_MS);
  const late = target - offsetAt(target + DAY_MS);
  const exact = [early, late].filter((t) => wallOf(t) === target);
  if (exact.length > 0) return new Date(Math.min(...exact));

  // In a gap: `late` (the offset after it) reads before the gap, `early`
  // after it; the first minute that reads past the target ends the gap.
  let before = Math.min(early, late);
  let after = Math.max(early, late);
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / MINUTE_MS / 2) * MINUTE_MS;
    if (wallOf(middle) > target) after = middle;
    else before = middle;
  }
  return new Date(after);
}
