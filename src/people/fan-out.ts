import type { NewItem } from '../outbox/items.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { WorkCalendar } from '../scheduler/calendar.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import { isResting, personState, type PersonState } from './preferences.ts';

/** What a person is asked: each is kept to one a day, separately. */
export type Asking = 'checkIn' | 'reminder';

const lastAsked = {
  checkIn: 'lastPromptedOn',
  reminder: 'lastRemindedOn',
} as const satisfies Record<Asking, keyof PersonState>;

/**
 * Whether a person may be asked on a local day: never while away or snoozed,
 * and once a day at most, unless a coordinator asks for it now (`again`).
 * Checked when a fan-out is recorded and again when each item is sent.
 */
export function mayAsk(state: PersonState, day: string, asking: Asking, again = false): boolean {
  if (isResting(state, day)) return false;
  return again || state[lastAsked[asking]] !== day;
}

export async function mayAskToday(
  store: Store,
  person: string,
  day: string,
  asking: Asking,
  again = false,
): Promise<boolean> {
  return mayAsk(await personState(store, person), day, asking, again);
}

/** Whether scheduled work runs on a local day: not on weekends or public holidays. Logs a day off. */
export function onWorkingDay(
  deps: { calendar: WorkCalendar; logger: Logger },
  day: string,
  what: string,
): boolean {
  if (deps.calendar.isWorkingDay(day)) return true;
  deps.logger.info({ day, holiday: deps.calendar.holidayName(day) }, `no ${what} on a day off`);
  return false;
}

export interface FanOutDeps {
  store: Store;
  outbox: Outbox;
  calendar: WorkCalendar;
  logger: Logger;
}

export interface FanOut {
  /** Named in the log of a day off: 'check-ins'. */
  what: string;
  /** The local day it is for. */
  day: string;
  /** The outbox batch: recording the same one again changes nothing. */
  batch: string;
  asking: Asking;
  /** A coordinator's request: sent at once, whatever the day, even to someone asked today. */
  now?: boolean;
  /** Who it is for; only worked out on a day it runs. */
  people(): Promise<Iterable<string>>;
  /** The item for a person who may be asked; undefined when they cannot be reached. */
  itemFor(person: string): NewItem | undefined | Promise<NewItem | undefined>;
}

/**
 * Records one item for each person who may be asked, then sends them. The
 * number recorded, or undefined on a day off (nothing is recorded then).
 */
export async function fanOut(deps: FanOutDeps, plan: FanOut): Promise<number | undefined> {
  if (!plan.now && !onWorkingDay(deps, plan.day, plan.what)) return undefined;
  const items: NewItem[] = [];
  for (const person of await plan.people()) {
    if (!(await mayAskToday(deps.store, person, plan.day, plan.asking, plan.now))) continue;
    const item = await plan.itemFor(person);
    if (item) items.push(item);
  }
  await deps.outbox.enqueue(plan.batch, items);
  await deps.outbox.drain();
  return items.length;
}
