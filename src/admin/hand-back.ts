import { updateRecord } from '../checkins/record-repository.ts';
import { openCycleOf } from '../cycles/repository.ts';
import type { Store } from '../store/store.ts';

/**
 * When a contact leaves a department, the key factors handed over to them in
 * the open cycle go back to the department: its contacts are asked them
 * again at the next check-in. Their other open questions needed no moving,
 * since a department's questions are asked of whoever its contacts are now.
 */
export async function handBack(
  store: Store,
  department: string,
  person: string,
): Promise<{ cycle: string; keyFactors: string[] } | undefined> {
  const cycle = await openCycleOf(store);
  if (!cycle?.departments.some((d) => d.id === department)) return undefined;
  const { result } = await updateRecord(store, cycle.id, department, (record) => {
    const handed = Object.entries(record.handOvers)
      .filter(([, handOver]) => handOver.to === person)
      .map(([keyFactor]) => keyFactor);
    record.handOvers = Object.fromEntries(
      Object.entries(record.handOvers).filter(([keyFactor]) => !handed.includes(keyFactor)),
    );
    return handed;
  });
  return { cycle: cycle.id, keyFactors: result };
}
