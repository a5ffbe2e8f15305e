import cron from 'node-cron';
import { wallAt, wallId, wallMs, wallTime } from './wall-time.ts';

/** One due run of a schedule. */
export interface Slot {
  /** The wall time in the zone, 'YYYY-MM-DDTHH:mm': the same on every replica and restart. */
  id: string;
  /** The real instant it fires. */
  firesAt: Date;
}

/** Matches a cron expression against wall minutes (given as `wallMs`). */
export interface CronMatcher {
  readonly expression: string;
  matches(wall: number): boolean;
  /** node-cron registers every task globally; this removes it. */
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

/** Throws on an invalid expression (node-cron's own message). */
export function cronMatcher(expression: string): CronMatcher {
  // A stopped task is only a matcher. In UTC its match() reads a Date's UTC
  // fields, so a wall time encoded as UTC matches even when a DST gap means
  // it never happens locally.
  const task = cron.createTask(expression, () => undefined, { timezone: 'UTC' });
  return {
    expression,
    matches: (wall) => task.match(new Date(wall)),
    close: async () => {
      await task.destroy();
    },
  };
}

/**
 * The slots firing in (fromExclusive, toInclusive], in order. Walks real
 * minutes and reads the wall clock at each. Wall minutes skipped by a
 * spring-forward jump fire at the first minute after the jump; a wall minute
 * repeated by a fall-back has the same id both times, and only the first
 * counts here (the caller's claim on the id stops a second run later).
 */
export function slotsBetween(
  matcher: CronMatcher,
  timeZone: string,
  fromExclusive: Date,
  toInclusive: Date,
): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const consider = (wall: number, firesAt: number): void => {
    if (!matcher.matches(wall)) return;
    const id = wallId(wallAt(wall));
    if (seen.has(id)) return;
    seen.add(id);
    slots.push({ id, firesAt: new Date(firesAt) });
  };

  const end = toInclusive.getTime();
  let t = Math.floor(fromExclusive.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  // The minute before the first one, so a jump right at the start is seen.
  let previous = wallMs(wallTime(new Date(t - MINUTE_MS), timeZone));
  for (; t <= end; t += MINUTE_MS) {
    const wall = wallMs(wallTime(new Date(t), timeZone));
    for (let skipped = previous + MINUTE_MS; skipped < wall; skipped += MINUTE_MS) {
      consider(skipped, t);
    }
    consider(wall, t);
    previous = wall;
  }
  return slots;
}
