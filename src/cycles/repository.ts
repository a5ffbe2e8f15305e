import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import type { PersonalData } from '../shared/personal-data.ts';
import type { Cycle } from './cycle.ts';

/** The list of cycles, newest last, and which one is open (at most one). */
export interface CycleIndex {
  ids: string[];
  open?: string;
}

const indexKey = 'cycles';
const cycleKey = (id: string): string => `cycle:${id}`;

/** The key a cycle is read from, for reading it ahead with others. */
export const cycleReadKey = cycleKey;

export async function cycleIndex(store: Store): Promise<CycleIndex> {
  return (await store.get<CycleIndex>(indexKey)) ?? { ids: [] };
}

export const getCycle = (store: Store, id: string): Promise<Cycle | undefined> =>
  store.get<Cycle>(cycleKey(id));

export async function openCycleOf(store: Store): Promise<Cycle | undefined> {
  const { open } = await cycleIndex(store);
  return open === undefined ? undefined : getCycle(store, open);
}

/** Changes the cycles under one lock, so two coordinators or replicas cannot both open one. */
export function withCycles<T>(store: Store, work: () => Promise<T>): Promise<T> {
  return withLock(store, indexKey, work);
}

export async function saveCycle(store: Store, cycle: Cycle): Promise<void> {
  await store.set(cycleKey(cycle.id), cycle);
  const index = await cycleIndex(store);
  const ids = index.ids.includes(cycle.id) ? index.ids : [...index.ids, cycle.id];
  const open =
    cycle.closedAt === undefined ? cycle.id : index.open === cycle.id ? undefined : index.open;
  await store.set<CycleIndex>(indexKey, open === undefined ? { ids } : { ids, open });
}

/** The cycles a person opened or closed. */
export interface CyclesData {
  cycles: { id: string; role: 'opened' | 'closed'; at: string }[];
}

/** Who an erased person's openings and closings are attributed to from now on. */
const erased = 'erased';

/** Cycles' share of a data-subject request: who opened and closed each. */
export function cyclesPersonalData(store: Store): PersonalData<CyclesData> {
  const everyCycle = async (): Promise<Cycle[]> =>
    (await store.getMany<Cycle>((await cycleIndex(store)).ids.map(cycleKey))).filter(
      (cycle): cycle is Cycle => cycle !== undefined,
    );
  return {
    name: 'cycles',
    async export({ person }) {
      const cycles: CyclesData['cycles'] = [];
      for (const cycle of await everyCycle()) {
        if (cycle.openedBy === person)
          cycles.push({ id: cycle.id, role: 'opened', at: cycle.openedAt });
        if (cycle.closedBy === person && cycle.closedAt)
          cycles.push({ id: cycle.id, role: 'closed', at: cycle.closedAt });
      }
      return { cycles };
    },
    async erase({ person }) {
      await withCycles(store, async () => {
        for (const cycle of await everyCycle()) {
          if (cycle.openedBy !== person && cycle.closedBy !== person) continue;
          await store.set(cycleKey(cycle.id), {
            ...cycle,
            openedBy: cycle.openedBy === person ? erased : cycle.openedBy,
            ...(cycle.closedBy === person ? { closedBy: erased } : {}),
          });
        }
      });
    },
  };
}
