import { cycleIndex } from '../cycles/repository.ts';
import type { PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/**
 * Keys: `handovers:<cycle>:<person>` lists the departments that handed a key
 * factor to a person in a cycle, so their records are read for that person
 * too. The hand-overs themselves are in the department records.
 */
const key = (cycle: string, person: string): string => `handovers:${cycle}:${person}`;

/** The key of what was handed to a person in a cycle, for reading it ahead with others. */
export const handOversKey = key;

export interface HandOverRepository extends PersonalData<Record<never, never>> {
  /** Departments that handed work to a person in a cycle. */
  handedTo(cycle: string, person: string): Promise<string[]>;
  /** Records that a department handed work to a person. */
  add(cycle: string, person: string, department: string): Promise<void>;
}

export function createHandOverRepository(store: Store): HandOverRepository {
  const handedTo = async (cycle: string, person: string): Promise<string[]> =>
    (await store.get<string[]>(key(cycle, person))) ?? [];
  return {
    name: 'handOverIndex',
    handedTo,
    async add(cycle, person, department) {
      if ((await handedTo(cycle, person)).includes(department)) return;
      await withLock(store, key(cycle, person), async () => {
        const handed = await handedTo(cycle, person);
        if (!handed.includes(department))
          await store.set(key(cycle, person), [...handed, department]);
      });
    },
    // The department records' share lists each hand-over with its key factor.
    export: async () => ({}),
    async erase(subject) {
      for (const cycle of (await cycleIndex(store)).ids)
        await store.delete(key(cycle, subject.person));
    },
  };
}
