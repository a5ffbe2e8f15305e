import type { PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';
import { erasedPerson, type HistoryEntry } from './history.ts';
import { withoutPerson, type PeoplePart } from './people-part.ts';
import type { DataSubject } from '../shared/personal-data.ts';

/**
 * Keys: `admin:revision` the running configuration's revision, read at the
 * start of every interaction and scheduled run (one small value);
 * `admin:settings` the running people part with the file's people part as
 * last loaded (to tell what a file edit changed); `admin:history` the newest
 * changes. All three are written together, so a revision never points at a
 * configuration that is not there.
 */
const revisionKey = 'admin:revision';
const settingsKey = 'admin:settings';
const historyKey = 'admin:history';
const lockKey = 'admin';

/** The one key read to tell whether the configuration changed, for reading it ahead with others. */
export const adminRevisionKey = revisionKey;

/** Enough for years of contact changes; the oldest go first. */
const historyLimit = 1_000;

export interface StoredSettings {
  revision: number;
  /** What runs: the file's people part with the changes made in chat. */
  people: PeoplePart;
  /** The file's people part as it was last loaded. */
  file: PeoplePart;
}

/** A change decided on what is stored: the next settings and what the history says of them. */
export type SettingsChange<T> =
  | { kind: 'save'; people: PeoplePart; file?: PeoplePart; entries: HistoryEntry[]; result: T }
  | { kind: 'keep'; result: T };

export interface AdminRepository extends PersonalData<{
  administration: HistoryEntry[];
  configuredAs: string[];
}> {
  /** The stored revision, 0 when nothing is stored yet. */
  revision(): Promise<number>;
  read(): Promise<StoredSettings | undefined>;
  /**
   * Read-modify-write under one lock across replicas: the change sees the
   * newest settings and its revision is the next one, so two coordinators
   * changing at once both count and neither overwrites the other.
   */
  change<T>(
    decide: (stored: StoredSettings | undefined, revision: number) => SettingsChange<T>,
  ): Promise<{ settings: StoredSettings | undefined; result: T }>;
  /** The newest changes first. */
  history(limit: number): Promise<HistoryEntry[]>;
  /** True once for a refused file edit, across replicas: every replica watching the file sees it. */
  firstRefusal(fingerprint: string): Promise<boolean>;
}

/** A refused edit is told once a day at most, however many replicas read it. */
const refusalTtlMs = 24 * 60 * 60 * 1000;

const mentions = (entry: HistoryEntry, person: string): boolean =>
  entry.by === person || ('person' in entry.change && entry.change.person === person);

function erased(entry: HistoryEntry, person: string): HistoryEntry {
  const change =
    'person' in entry.change && entry.change.person === person
      ? { ...entry.change, person: erasedPerson, name: erasedPerson }
      : entry.change;
  return { ...entry, by: entry.by === person ? erasedPerson : entry.by, change };
}

export function createAdminRepository(store: Store): AdminRepository {
  const history = async (): Promise<HistoryEntry[]> =>
    (await store.get<HistoryEntry[]>(historyKey)) ?? [];
  return {
    name: 'administration',
    revision: async () => (await store.get<number>(revisionKey)) ?? 0,
    read: () => store.get<StoredSettings>(settingsKey),
    change: (decide) =>
      withLock(store, lockKey, async () => {
        const [stored, past] = await store.getMany<unknown>([settingsKey, historyKey]);
        const settings = stored as StoredSettings | undefined;
        const revision = (settings?.revision ?? 0) + 1;
        const decided = decide(settings, revision);
        if (decided.kind === 'keep') return { settings, result: decided.result };
        const next: StoredSettings = {
          revision,
          people: decided.people,
          file: decided.file ?? settings?.file ?? decided.people,
        };
        const entries = [...((past as HistoryEntry[] | undefined) ?? []), ...decided.entries];
        await store.setMany([
          { key: settingsKey, value: next },
          { key: historyKey, value: entries.slice(-historyLimit) },
          { key: revisionKey, value: revision },
        ]);
        return { settings: next, result: decided.result };
      }),
    history: async (limit) => (await history()).reverse().slice(0, limit),
    firstRefusal: async (fingerprint) =>
      (await store.claim(`admin:refused:${fingerprint}`, refusalTtlMs)) !== null,
    async export(subject) {
      const stored = await store.get<StoredSettings>(settingsKey);
      return {
        administration: (await history()).filter((e) => mentions(e, subject.person)),
        configuredAs: stored ? withoutPerson(stored.people, subject).removed : [],
      };
    },
    // The person leaves the running configuration and the history; tasa.yaml is the
    // operator's to edit (a file still naming them brings them back when it is read).
    async erase(subject: DataSubject) {
      return withLock(store, lockKey, async () => {
        const [stored, past] = await store.getMany<unknown>([settingsKey, historyKey]);
        const settings = stored as StoredSettings | undefined;
        const entries = (past as HistoryEntry[] | undefined) ?? [];
        const touched = entries.filter((e) => mentions(e, subject.person)).length;
        const people = settings && withoutPerson(settings.people, subject);
        const changes = touched + (people?.removed.length ?? 0);
        if (changes === 0) return undefined;
        const history = {
          key: historyKey,
          value: entries.map((e) => (mentions(e, subject.person) ? erased(e, subject.person) : e)),
        };
        if (!settings || !people) {
          await store.setMany([history]);
          return changes;
        }
        const revision = settings.revision + 1;
        const file = withoutPerson(settings.file, subject).part;
        await store.setMany([
          { key: settingsKey, value: { revision, people: people.part, file } },
          history,
          { key: revisionKey, value: revision },
        ]);
        return changes;
      });
    },
  };
}
