import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import type { ActionItem } from './item.ts';

/** What roll-ups, flags and lists need of every item, kept in one record so they need not read all items. */
export type ItemBrief = Pick<ActionItem, 'id' | 'status' | 'due' | 'serves' | 'owners'>;

const brief = (item: ActionItem): ItemBrief => ({
  id: item.id,
  status: item.status,
  due: item.due,
  serves: item.serves,
  owners: item.owners,
});

const indexKey = 'actions';
const briefsKey = 'actions:briefs';
const itemKey = (id: string): string => `action:${id}`;

export async function actionIds(store: Store): Promise<string[]> {
  return (await store.get<string[]>(indexKey)) ?? [];
}

export const getItem = (store: Store, id: string): Promise<ActionItem | undefined> =>
  store.get<ActionItem>(itemKey(id));

export async function allItems(store: Store): Promise<ActionItem[]> {
  const items = await store.getMany<ActionItem>((await actionIds(store)).map(itemKey));
  return items.filter((item): item is ActionItem => item !== undefined);
}

/**
 * Every item's brief. Rebuilt from the items when missing or out of step
 * (data written before briefs existed), and saved for next time.
 */
export async function itemBriefs(store: Store): Promise<ItemBrief[]> {
  const [ids, briefs] = await store.getMany<string[] | ItemBrief[]>([indexKey, briefsKey]);
  const known = (briefs ?? []) as ItemBrief[];
  if (known.length === ((ids ?? []) as string[]).length) return known;
  return withLock(store, indexKey, async () => {
    const rebuilt = (await allItems(store)).map(brief);
    await store.set(briefsKey, rebuilt);
    return rebuilt;
  });
}

/** Full items for some ids, in order. */
export async function itemsById(store: Store, ids: readonly string[]): Promise<ActionItem[]> {
  const items = await store.getMany<ActionItem>(ids.map(itemKey));
  return items.filter((item): item is ActionItem => item !== undefined);
}

/** Creates items with the next ids (A1, A2, …), all or nothing, under one lock. */
export function createItems(
  store: Store,
  drafts: readonly Omit<ActionItem, 'id'>[],
): Promise<ActionItem[]> {
  return withLock(store, indexKey, async () => {
    const ids = await actionIds(store);
    const created = drafts.map((draft, i) => ({ ...draft, id: `A${ids.length + i + 1}` }));
    for (const item of created) await store.set(itemKey(item.id), item);
    const briefs = (await store.get<ItemBrief[]>(briefsKey)) ?? [];
    // Briefs out of step with the index are rebuilt on the next read.
    if (briefs.length === ids.length)
      await store.set(briefsKey, [...briefs, ...created.map(brief)]);
    await store.set(indexKey, [...ids, ...created.map((item) => item.id)]);
    return created;
  });
}

/** Changes one item under its lock; `change` returns the new version, or undefined to leave it. */
export function updateItem(
  store: Store,
  id: string,
  change: (item: ActionItem) => ActionItem | undefined,
): Promise<ActionItem | undefined> {
  return withLock(store, itemKey(id), async () => {
    const item = await getItem(store, id);
    if (!item) return undefined;
    const next = change(item);
    if (next) {
      await store.set(itemKey(id), next);
      // Item lock, then index lock: the same order everywhere, so no deadlock.
      await withLock(store, indexKey, async () => {
        const briefs = await store.get<ItemBrief[]>(briefsKey);
        const at = briefs?.findIndex((b) => b.id === id) ?? -1;
        if (briefs && at >= 0) {
          briefs[at] = brief(next);
          await store.set(briefsKey, briefs);
        }
      });
    }
    return next;
  });
}
