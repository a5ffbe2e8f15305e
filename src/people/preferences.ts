import type { PersonState } from './preferences-repository.ts';

export type { PersonState } from './preferences-repository.ts';

// Kept where the callers that hold a store have always found them.
export { personState, updatePersonState } from './preferences-repository.ts';

/** Whether a person is to be left alone on the given local date. */
export function isResting(state: PersonState, today: string): boolean {
  return (
    (state.awayUntil !== undefined && today <= state.awayUntil) ||
    (state.snoozedUntil !== undefined && today < state.snoozedUntil)
  );
}
