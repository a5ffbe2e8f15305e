import { textValue, type FormValues } from '../chat/actor.ts';
import type { Evidence } from '../shared/benchmark.ts';
import type { ItemInput } from './draft.ts';

/** A choice field's values; one picked value comes as a string. */
const strings = (value: FormValues[string]): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/** A links field's values; anything that is not a link is dropped. */
export const links = (value: FormValues[string]): Evidence[] =>
  Array.isArray(value)
    ? value.filter((v): v is Evidence => typeof v === 'object' && v !== null && 'url' in v)
    : [];

/** Partners as people list them: one a line, or separated by semicolons. */
export const partnerList = (text: string): string[] =>
  text
    .split(/[;\n|]+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** An item form's values, as the item checks read them. */
export function itemInput(values: FormValues): ItemInput {
  return {
    title: textValue(values.title),
    description: textValue(values.description),
    serves: strings(values.serves),
    department: textValue(values.department),
    horizon: textValue(values.horizon),
    means: textValue(values.means),
    resources: textValue(values.resources),
    partners: partnerList(textValue(values.partners)),
    owners: strings(values.owners),
    start: textValue(values.start),
    due: textValue(values.due),
  };
}
