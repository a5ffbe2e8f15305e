import { UnreachableError } from '../chat/port.ts';
import type { Cycle } from '../cycles/cycle.ts';
import { openCycleOf } from '../cycles/repository.ts';
import type { Deliverers } from '../outbox/items.ts';
import type { Directory } from '../people/directory.ts';
import { fanOut, mayAskToday, type FanOutDeps } from '../people/fan-out.ts';
import { reportUnreachable } from './report-unreachable.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { Store } from '../store/store.ts';
import type { CheckInEngine } from './engine.ts';
import { peopleWithOpenWorkIn } from './progress.ts';
import { departmentSummaries } from './summary-repository.ts';

export interface CheckInJobDeps extends FanOutDeps {
  directory: Directory;
}

/**
 * Everyone with open questions in the cycle, or in one department of it:
 * contacts, and colleagues work was handed to.
 */
export async function peopleWithOpenWork(
  store: Store,
  directory: Directory,
  cycle: Cycle,
  department?: string,
): Promise<string[]> {
  const departments = department
    ? cycle.departments.filter((d) => d.id === department)
    : cycle.departments;
  const summaries = await departmentSummaries(
    store,
    cycle.id,
    departments.map((d) => d.id),
  );
  return peopleWithOpenWorkIn({ ...cycle, departments }, summaries, directory);
}

/**
 * Records one check-in per person for the day in the outbox and sends them,
 * keeping to the fan-out's calendar and one-a-day rules; a coordinator's
 * explicit reminder goes out at once. The number asked.
 */
export async function fanOutCheckIns(
  deps: CheckInJobDeps,
  cycle: Cycle,
  day: string,
  batch: string,
  options: { department?: string; reminder?: boolean } = {},
): Promise<number> {
  const asked = await fanOut(deps, {
    what: 'check-ins',
    day,
    batch,
    asking: 'checkIn',
    now: options.reminder === true,
    people: () => peopleWithOpenWork(deps.store, deps.directory, cycle, options.department),
    itemFor: (person) => {
      const to = deps.directory.addressOf(person);
      if (!to) {
        deps.logger.warn({ person }, 'contact cannot be reached on any enabled platform');
        return undefined;
      }
      const payload = { person, cycle: cycle.id, day };
      return {
        key: person,
        kind: 'checkIn',
        to,
        payload: options.reminder ? { ...payload, reminder: true } : payload,
      };
    },
  });
  return asked ?? 0;
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
 * Sends a recorded check-in; re-checks at send time, as things may have
 * changed since. A person the platform cannot reach is recorded as such and
 * the coordinators are told once: never retried forever, never skipped silently.
 */
export function checkInDeliverers(engine: CheckInEngine): Pick<Deliverers, 'checkIn'> {
  return {
    async checkIn({ payload: { person, cycle, day, reminder } }) {
      try {
        if (!(await mayAskToday(engine.context.store, person, day, 'checkIn', reminder)))
          return 'skipped';
        const outcome = await engine.deliverCheckIn(person, cycle, day);
        return outcome === 'sent' ? 'sent' : 'skipped';
      } catch (error) {
        if (error instanceof UnreachableError)
          await reportUnreachable(engine, person, error.reason);
        throw error;
      }
    },
  };
}
