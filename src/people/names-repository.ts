import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/**
 * Keys: `names` maps a person's key (e.g. `slack:U0EDU1`) to the display name
 * their platform last gave for them. One small record for everyone, so that a
 * message naming several people reads it once (and an interaction reads it
 * ahead with the rest).
 */
const key = 'names';

/** The key remembered names are read from, for reading it ahead with others. */
export const namesKey = key;

export type RememberedNames = Readonly<Record<string, string>>;

export interface NamesRepository extends PersonalData<{ displayName?: string }> {
  all(): Promise<RememberedNames>;
  /** Keeps a person's display name; writes only when it changed. */
  remember(person: string, name: string): Promise<void>;
}

/** The keys a data subject's name may be kept under: their own and each platform id's. */
const keysOf = (subject: DataSubject): string[] => [
  subject.person,
  ...subject.refs.map((r) => `${r.platform}:${r.id}`),
];

export function createNamesRepository(store: Store): NamesRepository {
  const all = async (): Promise<RememberedNames> =>
    (await store.get<Record<string, string>>(key)) ?? {};
  return {
    name: 'names',
    all,
    async remember(person, name) {
      // Checked first: nearly every interaction brings the name already kept.
      if ((await all())[person] === name) return;
      await withLock(store, key, async () => {
        const current = await all();
        if (current[person] !== name) await store.set(key, { ...current, [person]: name });
      });
    },
    async export(subject) {
      const names = await all();
      const found = keysOf(subject)
        .map((k) => names[k])
        .find((n) => n !== undefined);
      return found !== undefined ? { displayName: found } : {};
    },
    async erase(subject) {
      const gone = new Set(keysOf(subject));
      if (!Object.keys(await all()).some((k) => gone.has(k))) return undefined;
      await withLock(store, key, async () => {
        const kept = Object.entries(await all()).filter(([k]) => !gone.has(k));
        await store.set(key, Object.fromEntries(kept));
      });
      return undefined;
    },
  };
}
