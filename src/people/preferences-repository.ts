import type { Language } from '../i18n/languages.ts';
import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import type { Store } from '../store/store.ts';

/** What a person chose, and when Tasa last asked them. Dates are local 'YYYY-MM-DD'. */
export interface PersonState {
  /** Chosen with `lang`; wins over everything else. */
  language?: Language;
  /** What their chat platform last reported. */
  platformLanguage?: Language;
  /** Away (holiday, leave) until and including this date: nobody asks or reminds them. */
  awayUntil?: string;
  /** Asked to be reminded later: not asked again before this date. */
  snoozedUntil?: string;
  /** The last day a scheduled check-in reached them (at most one a day). */
  lastPromptedOn?: string;
  /** The last day an action-plan reminder reached them (at most one a day). */
  lastRemindedOn?: string;
}

/** Keys: `person:<person key>` holds what one person chose (see PersonState). */
const key = (person: string): string => `person:${person}`;

/** The key a person's state is read from, for reading it ahead with others. */
export const preferencesKey = key;

export interface PreferencesRepository extends PersonalData<{ preferences: PersonState }> {
  get(person: string): Promise<PersonState>;
  /** Concurrent changes to one person are rare and last-writer-wins is fine. */
  update(person: string, change: (state: PersonState) => PersonState): Promise<PersonState>;
}

export function createPreferencesRepository(store: Store): PreferencesRepository {
  const get = async (person: string): Promise<PersonState> =>
    (await store.get<PersonState>(key(person))) ?? {};
  return {
    name: 'preferences',
    get,
    async update(person, change) {
      const next = change(await get(person));
      await store.set(key(person), next);
      return next;
    },
    export: async (subject: DataSubject) => ({ preferences: await get(subject.person) }),
    async erase(subject) {
      await store.delete(key(subject.person));
    },
  };
}

/** For callers that hold the store rather than a repository. */
export const personState = (store: Store, person: string): Promise<PersonState> =>
  createPreferencesRepository(store).get(person);

export const updatePersonState = (
  store: Store,
  person: string,
  change: (state: PersonState) => PersonState,
): Promise<PersonState> => createPreferencesRepository(store).update(person, change);
