import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/** The number of the next item id to hand out (A<next>). */
const counterKey = 'actions:next';

/** The number in an item id (A12 → 12); 0 for an id of another form. */
export function idNumber(id: string): number {
  const match = /^A(\d+)$/.exec(id);
  return match ? Number(match[1]) : 0;
}

/**
 * Reserves `count` ids (A<n>…) for new items, one block per call. The counter
 * is changed under a lock of its own held for one read and one write only,
 * so it is far within the lock's lifetime however many ids are asked for;
 * the items are written afterwards without it. A plan kept before the
 * counter existed starts after the highest id its index lists.
 *
 * A counter rather than claiming one `action-id:<n>` key per id: a block is
 * one read and one write whatever its size (an import of 60,000 rows would
 * otherwise be 60,000 claims), and a claim expires by design and can then be
 * won again, which an id must never be.
 */
export async function reserveIds(
  store: Store,
  count: number,
  listed: () => Promise<readonly string[]>,
): Promise<string[]> {
  if (count <= 0) return [];
  const first = await withLock(store, counterKey, async () => {
    const saved = await store.get<number>(counterKey);
    const next = saved ?? (await listed()).reduce((max, id) => Math.max(max, idNumber(id)), 0) + 1;
    await store.set(counterKey, next + count);
    return next;
  });
  return Array.from({ length: count }, (_, i) => `A${first + i}`);
}

/**
 * Every id handed out so far, listed in the index or not: an item written
 * but not yet listed (an import under way, or cut short) still counts for
 * data-subject requests.
 */
export async function reservedIds(store: Store): Promise<string[]> {
  const next = (await store.get<number>(counterKey)) ?? 1;
  return Array.from({ length: next - 1 }, (_, i) => `A${i + 1}`);
}
