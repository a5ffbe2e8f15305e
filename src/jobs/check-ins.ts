import type { CheckInEngine } from '../checkins/engine.ts';
import { UnreachableError } from '../chat/port.ts';
import { reportUnreachable } from '../people/report-unreachable.ts';
import { peopleWithOpenWorkIn } from '../checkins/progress.ts';
import { departmentSummaries } from '../checkins/summaries.ts';
import type { Cycle } from '../cycles/cycle.ts';
import { openCycleOf } from '../cycles/repository.ts';
import type { Outbox, OutboxItem } from '../outbox/outbox.ts';
import type { Directory } from '../people/directory.ts';
import { isResting, personState } from '../people/preferences.ts';
import type { WorkCalendar } from '../scheduler/calendar.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';

export interface CheckInJobDeps {
  store: Store;
  outbox: Outbox;
  directory: Directory;
  calendar: WorkCalendar;
  logger: Logger;
}

/** Everyone with open questions in the cycle: contacts, and colleagues work was handed to. */
export async function peopleWithOpenWork(
  store: Store,
  directory: Directory,
  cycle: Cycle,
): Promise<string[]> {
  const summaries = await departmentSummaries(
    store,
    cycle.id,
    cycle.departments.map((d) => d.id),
  );
  return peopleWithOpenWorkIn(cycle, summaries, directory);
}

/**
 * Records one check-in per person for the day in the outbox and sends them.
 * Nobody is asked on a weekend or public holiday, while away or snoozed, or
 * twice in one day.
 */
export async function fanOutCheckIns(
  deps: CheckInJobDeps,
  cycle: Cycle,
  day: string,
  batch: string,
  options: { only?: (person: string) => boolean; reminder?: boolean } = {},
): Promise<number> {
  // A coordinator's explicit reminder goes out at once; the schedule keeps to working days.
  if (!options.reminder && !deps.calendar.isWorkingDay(day)) {
    deps.logger.info({ day, holiday: deps.calendar.holidayName(day) }, 'no check-ins on a day off');
    return 0;
  }
  const items = [];
  for (const person of await peopleWithOpenWork(deps.store, deps.directory, cycle)) {
    if (options.only && !options.only(person)) continue;
    const state = await personState(deps.store, person);
    if (isResting(state, day) || (!options.reminder && state.lastPromptedOn === day)) continue;
    const to = deps.directory.addressOf(person);
    if (!to) {
      deps.logger.warn({ person }, 'contact cannot be reached on any enabled platform');
      continue;
    }
    const payload = {
      person,
      cycle: cycle.id,
      day,
      ...(options.reminder ? { reminder: 'yes' } : {}),
    };
    items.push({ key: person, kind: 'checkIn', to, payload });
  }
  await deps.outbox.enqueue(batch, items);
  await deps.outbox.drain();
  return items.length;
}

export function checkInsJob(deps: CheckInJobDeps, cron: string): Job {
  return {
    name: 'checkIns',
    cron,
    async run(slot) {
      const cycle = await openCycleOf(deps.store);
      if (!cycle) return;
      await fanOutCheckIns(deps, cycle, slot.id.slice(0, 10), `checkIns:${slot.id}`);
    },
  };
}

/**
 * Sends one recorded check-in; re-checks at send time, as things may have
 * changed since. A person the platform cannot reach is recorded as such and
 * the coordinators are told once: never retried forever, never skipped silently.
 */
export function deliverCheckInItem(store: Store, engine: CheckInEngine) {
  return async (item: OutboxItem): Promise<'sent' | 'skipped'> => {
    try {
      return await deliver(item);
    } catch (error) {
      if (error instanceof UnreachableError)
        await reportUnreachable(engine, item.payload.person ?? '', error.reason);
      throw error;
    }
  };
  async function deliver(item: OutboxItem): Promise<'sent' | 'skipped'> {
    const { person = '', cycle = '', day = '', reminder } = item.payload;
    const state = await personState(store, person);
    if (isResting(state, day) || (reminder === undefined && state.lastPromptedOn === day))
      return 'skipped';
    const outcome = await engine.deliverCheckIn(person, cycle, day);
    return outcome === 'sent' ? 'sent' : 'skipped';
  }
}
