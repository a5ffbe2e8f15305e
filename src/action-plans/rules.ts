import type { OrganizationConfig } from '../config/schema.ts';
import { frameworkDefinitions } from '../catalogue/definitions.ts';
import type { ActionItem } from './item.ts';

/** Something a framework's own rule says is missing or too much. */
export type RuleFlag =
  | { kind: 'commitmentWithoutMeasure'; item: string }
  | { kind: 'tooManyFocusGoals'; goals: string[]; max: number };

/**
 * The frameworks' rules, as data: ECCAR wants at least one open or done
 * measure under every commitment; a good-relations period focuses on at most
 * three goals.
 */
export function ruleFlags(
  config: OrganizationConfig,
  items: readonly Pick<ActionItem, 'status' | 'serves'>[],
): RuleFlag[] {
  const flags: RuleFlag[] = [];
  for (const framework of config.frameworks) {
    const rule = frameworkDefinitions[framework].rule;
    if (rule?.kind === 'minMeasuresPerItem') {
      for (const item of frameworkDefinitions[framework].items) {
        const measures = items.filter(
          (a) =>
            a.status !== 'cancelled' &&
            a.serves.some((s) => s.framework === framework && s.item === item.id),
        );
        if (measures.length < rule.min)
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
