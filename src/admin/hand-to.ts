import { updateRecord } from '../checkins/record-repository.ts';
import { openCycleOf } from '../cycles/repository.ts';
import { createHandOverRepository } from '../people/hand-overs-repository.ts';
import type { Clock } from '../shared/clock.ts';
import type { Store } from '../store/store.ts';

export type HandToOutcome = 'handed' | 'already' | 'taken' | 'notAsked';

/**
 * A key factor that went back to its department when a contact was removed,
 * handed on by a coordinator to one of the department's contacts. Under the
 * record's lock: a hand-over someone made meanwhile is kept, and the same
 * button pressed twice counts once.
 */
export async function handTo(
  deps: { store: Store; clock: Clock },
  by: string,
  where: { department: string; keyFactor: string; person: string },
): Promise<HandToOutcome> {
  const { store, clock } = deps;
  const cycle = await openCycleOf(store);
  const asked = cycle?.departments.find((d) => d.id === where.department);
  if (!cycle || !asked?.keyFactors.includes(where.keyFactor)) return 'notAsked';
  const { result } = await updateRecord(store, cycle.id, where.department, (record) => {
    const earlier = record.handOvers[where.keyFactor];
    if (earlier) return earlier.to === where.person ? ('already' as const) : ('taken' as const);
    record.handOvers[where.keyFactor] = {
      to: where.person,
      by,
      at: clock.now().toISOString(),
    };
    return 'handed' as const;
  });
  if (result === 'handed')
    await createHandOverRepository(store).add(cycle.id, where.person, where.department);
  return result;
}
