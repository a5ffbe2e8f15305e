import type { PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/** A configured person Tasa could not reach, and why (e.g. the Teams app is not installed). */
export interface Unreachable {
  person: string;
  reason: string;
  since: string;
}

/** Keys: `unreachable` lists every configured person Tasa could not reach. */
const listKey = 'unreachable';

/** The key the unreachable list is read from, for reading it ahead with others. */
export const reachabilityKey = listKey;

export interface ReachabilityRepository extends PersonalData<{
  unreachable?: { reason: string; since: string };
}> {
  list(): Promise<Unreachable[]>;
  /** True the first time (so coordinators are told once). */
  markUnreachable(person: string, reason: string, at: Date): Promise<boolean>;
  markReachable(person: string): Promise<void>;
}

export function createReachabilityRepository(store: Store): ReachabilityRepository {
  const list = async (): Promise<Unreachable[]> => (await store.get<Unreachable[]>(listKey)) ?? [];
  /** Without the person, under the list's lock; checked first, as nearly every call changes nothing. */
  async function remove(person: string): Promise<boolean> {
    if (!(await list()).some((u) => u.person === person)) return false;
    return withLock(store, listKey, async () => {
      const current = await list();
      const kept = current.filter((u) => u.person !== person);
      if (kept.length !== current.length) await store.set(listKey, kept);
      return kept.length !== current.length;
    });
  }
  return {
    name: 'reachability',
    list,
    async markUnreachable(person, reason, at) {
      if ((await list()).some((u) => u.person === person)) return false;
      return withLock(store, listKey, async () => {
        const current = await list();
        if (current.some((u) => u.person === person)) return false;
        await store.set(listKey, [...current, { person, reason, since: at.toISOString() }]);
        return true;
      });
    },
    async markReachable(person) {
      await remove(person);
    },
    async export(subject) {
      const found = (await list()).find((u) => u.person === subject.person);
      return found ? { unreachable: { reason: found.reason, since: found.since } } : {};
    },
    async erase(subject) {
      await remove(subject.person);
    },
  };
}

/** For callers that hold the store rather than a repository. */
export const unreachablePeople = (store: Store): Promise<Unreachable[]> =>
  createReachabilityRepository(store).list();

export const markUnreachable = (
  store: Store,
  person: string,
  reason: string,
  at: Date,
): Promise<boolean> => createReachabilityRepository(store).markUnreachable(person, reason, at);

export const markReachable = (store: Store, person: string): Promise<void> =>
  createReachabilityRepository(store).markReachable(person);
