import type { Action } from '../chat/actions.ts';
import { cycleReadKey } from '../cycles/repository.ts';
import type { Directory } from '../people/directory.ts';
import { handOversKey } from '../people/hand-overs-repository.ts';
import { namesKey } from '../people/names-repository.ts';
import { preferencesKey } from '../people/preferences-repository.ts';
import { reachabilityKey } from '../people/reachability-repository.ts';
import { promptBookKey } from './prompt-repository.ts';

/**
 * What an interaction reads besides the record it changes, to be fetched in
 * one call at its start: who acts (their state, whether they were
 * unreachable), the names messages show and, for a check-in action, its
 * cycle, what was handed to them and the prompt books of the department's
 * readers.
 */
export function interactionKeys(directory: Directory, person: string, action?: Action): string[] {
  const keys = [preferencesKey(person), reachabilityKey, namesKey];
  if (!action || !('cycle' in action)) return keys;
  const readers = new Set([...directory.contactsOf(action.department), person]);
  return [
    ...keys,
    cycleReadKey(action.cycle),
    handOversKey(action.cycle, person),
    ...[...readers].map((reader) => promptBookKey(action.cycle, reader)),
  ];
}
