import { isOpenItem, type ActionItem } from './item.ts';
import { countMeasures, measureCounts, type MeasureCounts } from './rules.ts';

/** What roll-ups, flags and lists need of every item, kept in one record so they need not read all items. */
export type ItemBrief = Pick<ActionItem, 'id' | 'status' | 'due' | 'serves' | 'owners'>;

export const brief = (item: ItemBrief): ItemBrief => ({
  id: item.id,
  status: item.status,
  due: item.due,
  serves: item.serves,
  owners: item.owners,
});

/** Same content; both sides come from brief, so key order matches too. */
export const sameBrief = (a: ItemBrief, b: ItemBrief): boolean =>
  JSON.stringify(brief(a)) === JSON.stringify(brief(b));

/**
 * What `status`, `my` and App Home need of the whole plan, a few kilobytes
 * where the briefs of every item are megabytes: who owns open items (the
 * people who have a list of their own, see openItemsKey) and how many
 * measures serve each framework item (what the rule flags count).
 */
export interface PlanSummary {
  /** In order, each once. */
  owners: string[];
  measures: MeasureCounts;
  /** Measures in progress or done: what the ECCAR rule counts. */
  underway: MeasureCounts;
}

/** A saved summary of this shape; one kept before `underway` existed is rebuilt like a missing one. */
export const isPlanSummary = (value: unknown): value is PlanSummary =>
  typeof value === 'object' && value !== null && 'underway' in value;

export const planSummaryKey = 'actions:summary';

/** A person's open items, as briefs in id order; kept only while there are some. */
export const openItemsKey = (person: string): string => `actions:open:${person}`;

/** The open items of each owner, or of just `people` when given, in the briefs' order. */
export function openItemsByOwner(
  briefs: readonly ItemBrief[],
  people?: ReadonlySet<string>,
): Map<string, ItemBrief[]> {
  const byOwner = new Map<string, ItemBrief[]>();
  for (const b of briefs) {
    if (!isOpenItem(b)) continue;
    for (const owner of new Set(b.owners)) {
      if (people && !people.has(owner)) continue;
      const list = byOwner.get(owner);
      if (list) list.push(b);
      else byOwner.set(owner, [b]);
    }
  }
  return byOwner;
}

export function summarisePlan(briefs: readonly ItemBrief[]): PlanSummary {
  return {
    owners: [...openItemsByOwner(briefs).keys()].sort(),
    measures: measureCounts(briefs),
    underway: measureCounts(briefs, 'underway'),
  };
}

/**
 * The summary after a change of some items, from the one before: their old
 * briefs' measures out and the new ones in, and the owners whose open items
 * changed (`open`, each touched person's open items now) in or out.
 */
export function changeSummary(
  summary: PlanSummary,
  change: { was: readonly ItemBrief[]; now: readonly ItemBrief[] },
  open: ReadonlyMap<string, readonly ItemBrief[]>,
  touched: ReadonlySet<string>,
): PlanSummary {
  const owners = new Set(summary.owners);
  for (const person of touched) {
    if ((open.get(person)?.length ?? 0) > 0) owners.add(person);
    else owners.delete(person);
  }
  return {
    owners: [...owners].sort(),
    measures: countMeasures(countMeasures(summary.measures, change.was, -1), change.now, 1),
    underway: countMeasures(
      countMeasures(summary.underway, change.was, -1, 'underway'),
      change.now,
      1,
      'underway',
    ),
  };
}

/** Same content; both sides come from summarisePlan, so key order matches too. */
export const samePlanSummary = (a: PlanSummary | undefined, b: PlanSummary): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);
