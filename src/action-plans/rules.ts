import type { OrganizationConfig } from '../config/schema.ts';
import { frameworkDefinitions, type FrameworkId } from '../catalogue/definitions.ts';
import type { ActionItem } from './item.ts';

/** Something a framework's own rule says is missing or too much. */
export type RuleFlag =
  | { kind: 'commitmentWithoutMeasure'; item: string }
  | { kind: 'tooManyFocusGoals'; goals: string[]; max: number };

/**
 * How many measures that count (not cancelled) serve each framework item:
 * framework → item → count, items without any left out. All the rules need
 * of the items, so flags can be had without reading them.
 */
export type MeasureCounts = Partial<Record<FrameworkId, Record<string, number>>>;

export function measureCounts(
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
): MeasureCounts {
  return countMeasures({}, items, 1);
}

/**
 * `counts` with `items` added (`sign` 1) or taken away (-1): a change to a few
 * items need not count all of them again.
 */
export function countMeasures(
  counts: MeasureCounts,
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
  sign: 1 | -1,
): MeasureCounts {
  const all = new Map<FrameworkId, Map<string, number>>(
    Object.entries(counts).map(([framework, byItem]) => [
      framework as FrameworkId,
      new Map(Object.entries(byItem)),
    ]),
  );
  for (const a of items) {
    if (a.status === 'cancelled') continue;
    // An item naming the same framework item twice is still one measure for it.
    const served = new Map(a.serves.map((s) => [`${s.framework} ${s.item}`, s]));
    for (const s of served.values()) {
      const byItem = all.get(s.framework) ?? new Map<string, number>();
      all.set(s.framework, byItem.set(s.item, (byItem.get(s.item) ?? 0) + sign));
    }
  }
  // Keys in order and no zeros, so equal counts are equal JSON however they were reached.
  const sorted = <V>(entries: Iterable<[string, V]>): [string, V][] =>
    [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const result: MeasureCounts = {};
  for (const [framework, byItem] of sorted(all)) {
    const counted = sorted(byItem).filter(([, n]) => n !== 0);
    if (counted.length > 0) result[framework as FrameworkId] = Object.fromEntries(counted);
  }
  return result;
}

/**
 * The frameworks' rules, as data: ECCAR wants at least one open or done
 * measure under every commitment; a good-relations period focuses on at most
 * three goals.
 */
export function ruleFlagsOf(config: OrganizationConfig, counts: MeasureCounts): RuleFlag[] {
  const flags: RuleFlag[] = [];
  for (const framework of config.frameworks) {
    const rule = frameworkDefinitions[framework].rule;
    if (rule?.kind === 'minMeasuresPerItem') {
      for (const item of frameworkDefinitions[framework].items) {
        if ((counts[framework]?.[item.id] ?? 0) < rule.min)
          flags.push({ kind: 'commitmentWithoutMeasure', item: item.id });
      }
    }
    if (rule?.kind === 'maxFocusItemsPerPeriod') {
      const goals = config.actionPlans.goodRelations?.focusGoals ?? [];
      if (goals.length > rule.max) flags.push({ kind: 'tooManyFocusGoals', goals, max: rule.max });
    }
  }
  return flags;
}

/** The rules' flags for a list of items. */
export const ruleFlags = (
  config: OrganizationConfig,
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
): RuleFlag[] => ruleFlagsOf(config, measureCounts(items));
