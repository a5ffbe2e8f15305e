import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import { idNumber, reserveIds, reservedIds } from './item-ids-repository.ts';
import {
  brief,
  changeSummary,
  isPlanSummary,
  openItemsByOwner,
  openItemsKey,
  planSummaryKey,
  samePlanSummary,
  sameBrief,
  summarisePlan,
  type ItemBrief,
} from './briefs.ts';
import { isOpenItem, type ActionItem } from './item.ts';
import {
  erased,
  eraseInItem,
  exportFromItem,
  lastActivity,
  peopleIn,
  type ActionItemsData,
} from './item-privacy.ts';
import type { PersonalData } from '../shared/personal-data.ts';

export type { ItemBrief } from './briefs.ts';

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
 * Runs `work` holding the lock of the item index, which every change of the
 * briefs and of the records made from them is made under.
 */
export const withPlanLock = <T>(store: Store, work: () => Promise<T>): Promise<T> =>
  withLock(store, indexKey, work);

/** The saved briefs if they are in step with the index (none saved and no items is in step too). */
const inStep = (ids: unknown, briefs: unknown): ItemBrief[] | undefined => {
  const known = (briefs ?? []) as ItemBrief[];
  return known.length === ((ids ?? []) as string[]).length ? known : undefined;
};

/**
 * Every item's brief, under the plan lock: rebuilt from the items and saved
 * when missing (a write cut short) or out of step (data kept before briefs).
 */
export async function briefsInStep(store: Store): Promise<ItemBrief[]> {
  const [ids, briefs] = await store.getMany<unknown>([indexKey, briefsKey]);
  const known = inStep(ids, briefs);
  if (known) return known;
  const rebuilt = (await allItems(store)).map(brief);
  await store.set(briefsKey, rebuilt);
  return rebuilt;
}

/** Every item's brief (roll-ups, digests, rebuilding the smaller records). */
export async function itemBriefs(store: Store): Promise<ItemBrief[]> {
  const [ids, briefs] = await store.getMany<unknown>([indexKey, briefsKey]);
  return inStep(ids, briefs) ?? withPlanLock(store, () => briefsInStep(store));
}

/** Full items for some ids, in order. */
export async function itemsById(store: Store, ids: readonly string[]): Promise<ActionItem[]> {
  const items = await store.getMany<ActionItem>(ids.map(itemKey));
  return items.filter((item): item is ActionItem => item !== undefined);
}

/** Records written in one call: one statement's parameters stay within every backend's limits. */
const writeBlock = 500;

/** Owners whose open items are written in one call. */
const ownersBlock = 50;

/**
 * Owners' open items, a block of owners a call: one call an owner held the
 * plan lock for seconds after a large import, and one call for everyone can
 * be megabytes, past a network backend's deadline.
 */
async function saveOpenItems(store: Store, open: ReadonlyMap<string, ItemBrief[]>): Promise<void> {
  const entries = [...open].map(([person, items]) => ({ key: openItemsKey(person), value: items }));
  for (let i = 0; i < entries.length; i += ownersBlock)
    await store.setMany(entries.slice(i, i + ownersBlock));
}

/**
 * Saves the plan summary and every owner's open items built from `briefs`,
 * under the plan lock. Each is right for those briefs, so overwriting one
 * that was already right changes nothing.
 */
export async function saveSmallRecords(store: Store, briefs: readonly ItemBrief[]): Promise<void> {
  await saveOpenItems(store, openItemsByOwner(briefs));
  await store.set(planSummaryKey, summarisePlan(briefs));
}

/**
 * Saves changed items (`save`) with the briefs going from `before` to `after`,
 * and the small records made from the briefs: the plan summary and the open
 * items of each owner the change touches. Under the plan lock. What is about
 * to change is deleted first and written after the items, so a save cut
 * short leaves it missing, and rebuilt on the next read, never wrong.
 */
async function saveInStep(
  store: Store,
  before: readonly ItemBrief[],
  after: readonly ItemBrief[],
  changed: readonly ItemBrief[],
  save: () => Promise<void>,
): Promise<void> {
  const ids = new Set(changed.map((b) => b.id));
  const was = before.filter((b) => ids.has(b.id));
  // Whose open items change: the owners of a changed item while it was open, or now that it is.
  const touched = new Set<string>();
  for (const b of [...was, ...changed]) if (isOpenItem(b)) b.owners.forEach((o) => touched.add(o));
  const open = openItemsByOwner(after, touched);
  const stored = await store.get<unknown>(planSummaryKey);
  // A summary of an older shape counts as missing: it is built again from every brief.
  const saved = isPlanSummary(stored) ? stored : undefined;
  // The saved summary is right (or missing), so a change need not count every item again.
  const summary = saved
    ? changeSummary(saved, { was, now: changed }, open, touched)
    : summarisePlan(after);
  const summaryChanges = !samePlanSummary(saved, summary);

  if (summaryChanges && saved !== undefined) await store.delete(planSummaryKey);
  for (const person of touched) await store.delete(openItemsKey(person));
  await store.delete(briefsKey);
  await save();
  await store.set(briefsKey, after);
  await saveOpenItems(store, open);
  if (summaryChanges) await store.set(planSummaryKey, summary);
}

/** In id order: an import that reserved its ids first may list its items after a creation in chat. */
const inIdOrder = <T>(list: T[], id: (entry: T) => string): T[] =>
  list.every((entry, i) => i === 0 || idNumber(id(list[i - 1] as T)) < idNumber(id(entry)))
    ? list
    : list.toSorted((a, b) => idNumber(id(a)) - idNumber(id(b)));

/**
 * Creates items with new ids (A1, A2, …), all or nothing. The ids are
 * reserved first; the items are written without any lock (nothing lists them
 * yet, so nobody reads them), however long that takes; then one short change
 * under the plan lock lists them and keeps the briefs and small records in
 * step. A creation cut short leaves only unlisted items and unused ids.
 */
export async function createItems(
  store: Store,
  drafts: readonly Omit<ActionItem, 'id'>[],
): Promise<ActionItem[]> {
  const ids = await reserveIds(store, drafts.length, () => actionIds(store));
  const created = drafts.map((draft, i) => ({ ...draft, id: ids[i] ?? '' }));
  for (let i = 0; i < created.length; i += writeBlock) {
    const block = created.slice(i, i + writeBlock);
    await store.setMany(block.map((item) => ({ key: itemKey(item.id), value: item })));
  }
  if (created.length === 0) return created;
  await withPlanLock(store, async () => {
    const listed = await actionIds(store);
    const before = await briefsInStep(store);
    const added = created.map(brief);
    const after = inIdOrder([...before, ...added], (b) => b.id);
    await saveInStep(store, before, after, added, () =>
      store.set(
        indexKey,
        inIdOrder([...listed, ...ids], (id) => id),
      ),
    );
  });
  return created;
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
    if (!next) return undefined;
    const save = (): Promise<void> => store.set(itemKey(id), next);
    // A note, a snooze or an escalation leaves the brief as it was: nothing else to keep in step.
    if (sameBrief(item, next)) {
      await save();
      return next;
    }
    // Item lock, then plan lock: the same order everywhere, so no deadlock.
    await withPlanLock(store, async () => {
      const before = await briefsInStep(store);
      const at = before.findIndex((b) => b.id === id);
      // An item the index does not list (a creation cut short) has no brief to keep.
      if (at < 0) return save();
      const after = before.with(at, brief(next));
      await saveInStep(store, before, after, [brief(next)], save);
    });
    return next;
  });
}

/** Every listed id, and those reserved for items not listed yet (an import under way or cut short). */
async function knownIds(store: Store): Promise<string[]> {
  const listed = await actionIds(store);
  const known = new Set(listed);
  return [...listed, ...(await reservedIds(store)).filter((id) => !known.has(id))];
}

/** Action items' share of a data-subject request; erasure keeps the items without the person. */
export function actionItemsPersonalData(store: Store): PersonalData<ActionItemsData> {
  return {
    name: 'actionItems',
    async export({ person }) {
      const actionItems = [];
      for (const item of await itemsById(store, await knownIds(store))) {
        const found = exportFromItem(item, person);
        if (found) actionItems.push(found);
      }
      return { actionItems };
    },
    async erase({ person }) {
      let changed = 0;
      for (const id of await knownIds(store))
        if (await updateItem(store, id, (item) => eraseInItem(item, person))) changed++;
      return changed;
    },
  };
}

/** Retention: people are taken out of items done or cancelled and untouched since `cutoff`. */
export async function anonymiseItemsInactiveBefore(store: Store, cutoff: string): Promise<number> {
  let anonymised = 0;
  for (const id of await actionIds(store)) {
    const item = await getItem(store, id);
    const last = item ? lastActivity(item) : undefined;
    if (!item || isOpenItem(item) || !last || last >= cutoff) continue;
    for (const person of peopleIn(item)) {
      if (person === erased) continue;
      if (await updateItem(store, id, (current) => eraseInItem(current, person))) anonymised++;
    }
  }
  return anonymised;
}
