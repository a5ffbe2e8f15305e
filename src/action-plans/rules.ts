import type { OrganizationConfig } from '../config/schema.ts';
import { frameworkDefinitions, type FrameworkId } from '../catalogue/definitions.ts';
import type { ActionItem } from './item.ts';

/** Something a framework's own rule says is missing or too much. */
export type RuleFlag =
  /** No measure in progress or done under an ECCAR commitment; `planned` ones are there only on paper. */
  | { kind: 'commitmentWithoutMeasure'; item: string; planned: number }
  | { kind: 'tooManyFocusGoals'; goals: string[]; max: number };

/**
 * How many measures serve each framework item: framework → item → count,
 * items without any left out. All the rules need of the items, so flags can
 * be had without reading them.
 */
export type MeasureCounts = Partial<Record<FrameworkId, Record<string, number>>>;

/**
 * Which measures a count takes: `measures` every one not cancelled,
 * `underway` only those in progress or done, which is what the ECCAR rule counts.
 */
export type Counted = 'measures' | 'underway';
const counts: Record<Counted, (status: ActionItem['status']) => boolean> = {
  measures: (status) => status !== 'cancelled',
  underway: (status) => status === 'in_progress' || status === 'done',
};

export function measureCounts(
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
  counted: Counted = 'measures',
): MeasureCounts {
  return countMeasures({}, items, 1, counted);
}

/**
 * `counts` with `items` added (`sign` 1) or taken away (-1): a change to a few
 * items need not count all of them again.
 */
export function countMeasures(
  from: MeasureCounts,
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
  sign: 1 | -1,
  counted: Counted = 'measures',
): MeasureCounts {
  const all = new Map<FrameworkId, Map<string, number>>(
    Object.entries(from).map(([framework, byItem]) => [
      framework as FrameworkId,
      new Map(Object.entries(byItem)),
    ]),
  );
  for (const a of items) {
    if (!counts[counted](a.status)) continue;
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

/** What the rules count: every measure not cancelled, and those in progress or done. */
export interface RuleCounts {
  measures: MeasureCounts;
  underway: MeasureCounts;
}

/**
 * The frameworks' rules, as data. ECCAR: the city chooses its priorities,
 * but must carry out at least one measure under every commitment as soon as
 * possible, so only a measure in progress or done counts; planned ones are
 * named as planned. A good-relations period focuses on at most three goals.
 */
export function ruleFlagsOf(config: OrganizationConfig, counts: RuleCounts): RuleFlag[] {
  const flags: RuleFlag[] = [];
  for (const framework of config.frameworks) {
    const rule = frameworkDefinitions[framework].rule;
    if (rule?.kind === 'minMeasuresPerItem') {
      for (const item of frameworkDefinitions[framework].items) {
        const underway = counts.underway[framework]?.[item.id] ?? 0;
        if (underway < rule.min) {
          const planned = (counts.measures[framework]?.[item.id] ?? 0) - underway;
          flags.push({ kind: 'commitmentWithoutMeasure', item: item.id, planned });
        }
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
): RuleFlag[] =>
  ruleFlagsOf(config, {
    measures: measureCounts(items),
    underway: measureCounts(items, 'underway'),
  });
