import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import type { Cycle } from './cycle.ts';

/** The list of cycles, newest last, and which one is open (at most one). */
export interface CycleIndex {
  ids: string[];
  open?: string;
}

const indexKey = 'cycles';
const cycleKey = (id: string): string => `cycle:${id}`;

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
