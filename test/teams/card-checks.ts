import { createRequire } from 'node:module';
import { expect } from 'vitest';

/** The part of Microsoft's Adaptive Cards library the checks use (its renderer needs a DOM; parsing does not). */
interface ValidationEvent {
  message: string;
}
interface AdaptiveCardsLibrary {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
}

// The package's ES modules import without file extensions, which Node does not resolve; its bundle does.
const cards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as AdaptiveCardsLibrary;

type Json = Record<string, unknown>;

function walk(value: unknown, visit: (element: Json) => void): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value && typeof value === 'object') {
    visit(value as Json);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/**
 * What Microsoft's parser finds wrong with a card (unknown element or action
 * types, bad property values, duplicate input ids …), and every input without
 * a label: a screen reader names an input by its label.
 */
export function cardProblems(card: unknown): string[] {
  const context = new cards.SerializationContext();
  const parsed = new cards.AdaptiveCard();
  parsed.parse(card, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  problems.push(...parsed.validateProperties().validationEvents);
  const found = problems.map((p) => p.message);
  walk(card, (element) => {
    const type = element.type;
    if (typeof type === 'string' && type.startsWith('Input.')) {
      if (typeof element.label !== 'string' || element.label.trim() === '')
        found.push(`${String(element.id)} has no label`);
      if (element.isRequired === true && typeof element.errorMessage !== 'string')
        found.push(`${String(element.id)} is required but says nothing when empty`);
    }
  });
  return found;
}

/** Asserts the cards are valid Adaptive Cards with every input labelled; returns how many. */
export function expectValidCards(all: readonly unknown[]): number {
  expect(all.length).toBeGreaterThan(0);
  for (const card of all)
    expect(cardProblems(card), JSON.stringify(card).slice(0, 300)).toEqual([]);
  return all.length;
}
