import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import type { ActionItem } from './item.ts';

const indexKey = 'actions';
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

/** Creates items with the next ids (A1, A2, …), all or nothing, under one lock. */
export function createItems(
  store: Store,
  drafts: readonly Omit<ActionItem, 'id'>[],
): Promise<ActionItem[]> {
  return withLock(store, indexKey, async () => {
    const ids = await actionIds(store);
    const created = drafts.map((draft, i) => ({ ...draft, id: `A${ids.length + i + 1}` }));
    for (const item of created) await store.set(itemKey(item.id), item);
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
    if (next) await store.set(itemKey(id), next);
    return next;
  });
}
