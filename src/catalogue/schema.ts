import { z } from 'zod';
import { frameworkIds } from './definitions.ts';

const text = z.string().trim().min(1);

export const questionSchema = z.strictObject({
  id: z.string().regex(/^KF\d{2}\.Q\d+$/),
  number: z.number().int().positive(),
  text,
});

export const cityExampleSchema = z.strictObject({ city: text, gist: text });

export const itemSchema = z.strictObject({
  id: z.string().regex(/^(KF\d{2}|ECCAR\d{2}|HVS\d)$/),
  number: z.number().int().positive(),
  title: text,
  statement: text.nullable(),
  reasoning: text.nullable(),
  questions: z.array(questionSchema),
  examples: z.array(cityExampleSchema),
});

export const contextualFactorSchema = z.strictObject({
  id: z.string().regex(/^CF\d$/),
  number: z.number().int().positive(),
  title: text,
  examples: z.array(text).min(1),
});

export const frameworkRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('minMeasuresPerItem'), min: z.number().int().positive(), text }),
  z.strictObject({
    kind: z.literal('maxFocusItemsPerPeriod'),
    max: z.number().int().positive(),
    text,
  }),
]);

export const frameworkSchema = z.strictObject({
  id: z.enum(frameworkIds),
  language: z.enum(['fi', 'sv', 'en']),
  name: text,
  standard: text.nullable(),
  rule: frameworkRuleSchema.nullable(),
  items: z.array(itemSchema).min(1),
  contextualFactors: z.array(contextualFactorSchema),
});

export type Question = z.infer<typeof questionSchema>;
export type CityExample = z.infer<typeof cityExampleSchema>;
export type FrameworkItem = z.infer<typeof itemSchema>;
export type ContextualFactor = z.infer<typeof contextualFactorSchema>;
export type FrameworkRuleText = z.infer<typeof frameworkRuleSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
