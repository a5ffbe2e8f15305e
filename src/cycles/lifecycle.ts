import type { Catalogue } from '../catalogue/load.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { addDays, isCalendarDate } from '../shared/dates.ts';
import type { Store } from '../store/store.ts';
import { freezeScope, type Cycle } from './cycle.ts';
import { cycleIndex, getCycle, openCycleOf, saveCycle, withCycles } from './repository.ts';

export interface CycleDeps {
  store: Store;
  clock: Clock;
  config: OrganizationConfig;
  catalogue: Catalogue;
  localDate(instant: Date): string;
}

export type CycleResult =
  | { ok: true; cycle: Cycle; closed?: Cycle }
  | {
      ok: false;
      code: 'cycleAlreadyOpen' | 'cycleExists' | 'badCycleName' | 'badDueDate' | 'noOpenCycle';
      params: Record<string, string>;
    };

/** `2027-Q1` for a local date in the first quarter of 2027. */
export function quarterName(localDate: string): string {
  const [year, month] = localDate.split('-').map(Number);
  return `${year}-Q${Math.floor(((month ?? 1) - 1) / 3) + 1}`;
}

export interface OpenRequest {
  name?: string;
  dueDate?: string;
  /** A person key, or `schedule`. */
  by: string;
  /** The schedule closes a cycle that is still open when the next one is due. */
  supersede?: boolean;
}

/** Opens a cycle, freezing its questions. At most one cycle is open at a time. */
export function openCycle(deps: CycleDeps, request: OpenRequest): Promise<CycleResult> {
  const now = deps.clock.now();
  const today = deps.localDate(now);
  const name = request.name ?? quarterName(today);
  const dueDate = request.dueDate ?? addDays(today, deps.config.cycles.dueInDays);
  if (!/^[\w.-]{1,40}$/.test(name))
    return Promise.resolve({ ok: false, code: 'badCycleName', params: { name } });
  if (!isCalendarDate(dueDate) || dueDate < today)
    return Promise.resolve({ ok: false, code: 'badDueDate', params: { dueDate } });

  return withCycles(deps.store, async (): Promise<CycleResult> => {
    const { ids } = await cycleIndex(deps.store);
    if (ids.includes(name)) return { ok: false, code: 'cycleExists', params: { name } };
    const previous = ids.at(-1);
    const current = await openCycleOf(deps.store);
    let closed: Cycle | undefined;
    if (current) {
      if (!request.supersede)
        return { ok: false, code: 'cycleAlreadyOpen', params: { name: current.id } };
      closed = { ...current, closedAt: now.toISOString(), closedBy: request.by };
      await saveCycle(deps.store, closed);
    }
    const cycle: Cycle = {
      id: name,
      openedAt: now.toISOString(),
      openedBy: request.by,
      dueDate,
      ...(previous === undefined ? {} : { previous }),
      ...freezeScope(deps.config, deps.catalogue),
    };
    await saveCycle(deps.store, cycle);
    return closed ? { ok: true, cycle, closed } : { ok: true, cycle };
  });
}

/** Closes the open cycle: nobody is asked any more, and answers are no longer accepted. */
export function closeCycle(deps: CycleDeps, by: string): Promise<CycleResult> {
  return withCycles(deps.store, async (): Promise<CycleResult> => {
    const current = await openCycleOf(deps.store);
    if (!current) return { ok: false, code: 'noOpenCycle', params: {} };
    const closed: Cycle = { ...current, closedAt: deps.clock.now().toISOString(), closedBy: by };
    await saveCycle(deps.store, closed);
    return { ok: true, cycle: closed };
  });
}

export { getCycle, openCycleOf };
