import type { Language } from '../i18n/languages.ts';
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

const key = (person: string): string => `person:${person}`;

export async function personState(store: Store, person: string): Promise<PersonState> {
  return (await store.get<PersonState>(key(person))) ?? {};
}

/** Changes a person's state; concurrent changes to one person are rare and last-writer-wins is fine. */
export async function updatePersonState(
  store: Store,
  person: string,
  change: (state: PersonState) => PersonState,
): Promise<PersonState> {
  const next = change(await personState(store, person));
  await store.set(key(person), next);
  return next;
}

/** Whether a person is to be left alone on the given local date. */
export function isResting(state: PersonState, today: string): boolean {
  return (
    (state.awayUntil !== undefined && today <= state.awayUntil) ||
    (state.snoozedUntil !== undefined && today < state.snoozedUntil)
  );
}
