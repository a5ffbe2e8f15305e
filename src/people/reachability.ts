import type { Store } from '../store/store.ts';

/** A configured person Tasa could not reach, and why (e.g. the Teams app is not installed). */
export interface Unreachable {
  person: string;
  reason: string;
  since: string;
}

const indexKey = 'unreachable';

export async function unreachablePeople(store: Store): Promise<Unreachable[]> {
  return (await store.get<Unreachable[]>(indexKey)) ?? [];
}

/** Records that a person cannot be reached; true the first time (so coordinators are told once). */
export async function markUnreachable(
  store: Store,
  person: string,
  reason: string,
  at: Date,
): Promise<boolean> {
  const list = await unreachablePeople(store);
  if (list.some((u) => u.person === person)) return false;
  await store.set(indexKey, [...list, { person, reason, since: at.toISOString() }]);
  return true;
}

/** A person who wrote to Tasa or installed it is reachable again. */
export async function markReachable(store: Store, person: string): Promise<void> {
  const list = await unreachablePeople(store);
  if (list.some((u) => u.person === person))
    await store.set(
      indexKey,
      list.filter((u) => u.person !== person),
    );
}
