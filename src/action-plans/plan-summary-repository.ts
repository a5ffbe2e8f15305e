import type { OrganizationConfig } from '../config/schema.ts';
import type { Store } from '../store/store.ts';
import {
  isPlanSummary,
  openItemsByOwner,
  openItemsKey,
  planSummaryKey,
  summarisePlan,
  type ItemBrief,
  type PlanSummary,
} from './briefs.ts';
import { briefsInStep, itemBriefs, saveSmallRecords, withPlanLock } from './repository.ts';
import { ruleFlagsOf, type RuleFlag } from './rules.ts';

/*
 * What interactive commands read of the plan: the plan summary (rule flags)
 * and a person's own open items, each a small record kept in step with every
 * change of an item (see saveInStep in repository.ts), so that `status`, `my`
 * and App Home never parse the briefs of every item. A record missing (data
 * kept before these existed, or a save cut short) is rebuilt from the briefs.
 */

/** What a read found: the answer, or undefined when a record it needs is missing. */
type Found<T> = (saved: readonly unknown[]) => T | undefined;

/**
 * Rebuilds the small records from the briefs, under the plan lock, unless a
 * change or another read's rebuild has written what `keys` were read for
 * meanwhile (concurrent reads wait for the lock and then find them there).
 */
async function rebuild(
  store: Store,
  keys: readonly string[],
  found: Found<unknown>,
): Promise<void> {
  await withPlanLock(store, async () => {
    if (found(await store.getMany<unknown>(keys)) !== undefined) return;
    await saveSmallRecords(store, await briefsInStep(store));
  }).catch(() => {
    // Only a shortcut for later reads: a busy lock or a failed write leaves
    // the records missing, and the reader works the answer out from the briefs.
  });
}

/**
 * Reads `keys` and what `found` makes of them; when something is missing,
 * rebuilds and reads again, and as a last resort
 * works the answer out from the briefs without saving it.
 */
async function read<T>(
  store: Store,
  keys: readonly string[],
  found: Found<T>,
  fromBriefs: (briefs: readonly ItemBrief[]) => T,
): Promise<T> {
  // A second try: the lock may have been busy with a change that wrote other records.
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = found(await store.getMany<unknown>(keys));
    if (answer !== undefined) return answer;
    if (attempt < 2) await rebuild(store, keys, found);
  }
  return fromBriefs(await itemBriefs(store));
}

/** The plan summary: who owns open items, and how many measures serve each framework item. */
export function planSummary(store: Store): Promise<PlanSummary> {
  return read(
    store,
    [planSummaryKey],
    ([summary]) => (isPlanSummary(summary) ? summary : undefined),
    summarisePlan,
  );
}

/** The frameworks' rule flags, from the plan summary. */
export async function planFlags(store: Store, config: OrganizationConfig): Promise<RuleFlag[]> {
  return ruleFlagsOf(config, await planSummary(store));
}

/** A person's open items as briefs, in id order; none when they own no open item. */
export function openItemsOf(store: Store, person: string): Promise<ItemBrief[]> {
  return read(
    store,
    [openItemsKey(person), planSummaryKey],
    ([open, summary]) => {
      if (open !== undefined) return open as ItemBrief[];
      // No list of their own is right only for someone the summary says owns no open item.
      if (summary !== undefined && !(summary as PlanSummary).owners.includes(person)) return [];
      return undefined;
    },
    (briefs) => openItemsByOwner(briefs, new Set([person])).get(person) ?? [],
  );
}
