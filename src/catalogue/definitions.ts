/**
 * The shape of each framework: its ids, numbering and how many guiding
 * questions, city examples and contextual factors it has. The words live in
 * `locales/<lang>/catalogue.json`; this file never holds text.
 */

export const frameworkIds = ['integrating-cities', 'eccar-10-point', 'hvs-7-goals'] as const;
export type FrameworkId = (typeof frameworkIds)[number];

export function isFrameworkId(value: unknown): value is FrameworkId {
  return typeof value === 'string' && (frameworkIds as readonly string[]).includes(value);
}

export type FrameworkRule =
  /** Every item needs at least `min` open or done measures (ECCAR). */
  | { kind: 'minMeasuresPerItem'; min: number }
  /** A plan period may focus on at most `max` items (good-relations plans). */
  | { kind: 'maxFocusItemsPerPeriod'; max: number };

export interface ItemDefinition {
  id: string;
  number: number;
  questions: number;
  examples: number;
}

export interface ContextualFactorDefinition {
  id: string;
  number: number;
  examples: number;
}

export interface FrameworkDefinition {
  id: FrameworkId;
  hasStandard: boolean;
  rule: FrameworkRule | null;
  items: readonly ItemDefinition[];
  contextualFactors: readonly ContextualFactorDefinition[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

function keyFactor(number: number, questions: number, examples: number): ItemDefinition {
  return { id: `KF${pad(number)}`, number, questions, examples };
}

function contextualFactor(number: number, examples: number): ContextualFactorDefinition {
  return { id: `CF${number}`, number, examples };
}

function plainItems(prefix: string, count: number, width: 1 | 2): ItemDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${width === 2 ? pad(i + 1) : String(i + 1)}`,
    number: i + 1,
    questions: 0,
    examples: 0,
  }));
}

export const frameworkDefinitions: Readonly<Record<FrameworkId, FrameworkDefinition>> = {
  'integrating-cities': {
    id: 'integrating-cities',
    hasStandard: true,
    rule: null,
    items: [
      keyFactor(1, 4, 2),
      keyFactor(2, 5, 2),
      keyFactor(3, 4, 1),
      keyFactor(4, 3, 2),
      keyFactor(5, 4, 2),
      keyFactor(6, 7, 2),
      keyFactor(7, 6, 2),
      keyFactor(8, 5, 2),
      keyFactor(9, 4, 2),
      keyFactor(10, 3, 2),
      keyFactor(11, 6, 1),
    ],
    contextualFactors: [
      contextualFactor(1, 1),
      contextualFactor(2, 1),
      contextualFactor(3, 2),
      contextualFactor(4, 1),
      contextualFactor(5, 2),
      contextualFactor(6, 3),
      contextualFactor(7, 2),
    ],
  },
  'eccar-10-point': {
    id: 'eccar-10-point',
    hasStandard: false,
    rule: { kind: 'minMeasuresPerItem', min: 1 },
    items: plainItems('ECCAR', 10, 2),
    contextualFactors: [],
  },
  'hvs-7-goals': {
    id: 'hvs-7-goals',
    hasStandard: false,
    rule: { kind: 'maxFocusItemsPerPeriod', max: 3 },
    items: plainItems('HVS', 7, 1),
    contextualFactors: [],
  },
};
