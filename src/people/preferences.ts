import type { Language } from '../i18n/languages.ts';

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

// Kept where the callers that hold a store have always found them.
export { personState, updatePersonState } from './preferences-repository.ts';

/** Whether a person is to be left alone on the given local date. */
export function isResting(state: PersonState, today: string): boolean {
  return (
    (state.awayUntil !== undefined && today <= state.awayUntil) ||
    (state.snoozedUntil !== undefined && today < state.snoozedUntil)
  );
}
