import type { Action } from '../../chat/actions.ts';
import { parseAction } from '../../chat/actions.ts';
import type { FormValues } from '../../chat/actor.ts';
import type { FormField } from '../../chat/views.ts';
import type { Evidence } from '../../shared/benchmark.ts';

type FieldType = FormField['type'];

export interface SubmittedForm {
  context: Action;
  values: FormValues;
  /** Every input's text as sent, to show the card again with it. */
  typed: Record<string, string>;
}

// Every type must be listed, so a new kind of field is read back, not dropped.
const fieldTypes: Record<FieldType, true> = {
  choice: true,
  multiChoice: true,
  text: true,
  links: true,
  person: true,
  people: true,
  date: true,
};

/** Reads a form card's submit (`activity.value`) back as the engine expects it. */
export function readSubmittedForm(value: unknown): SubmittedForm | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  const context = parseAction(data.tasaForm);
  if (!context || !Array.isArray(data.tasaFields)) return undefined;
  const typed: Record<string, string> = {};
  for (const [key, text] of Object.entries(data)) if (typeof text === 'string') typed[key] = text;
  const values: FormValues = {};
  for (const entry of data.tasaFields as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [id, type] = entry as unknown[];
    if (typeof id !== 'string' || typeof type !== 'string' || !Object.hasOwn(fieldTypes, type))
      continue;
    switch (type as FieldType) {
      case 'links': {
        const rows: Evidence[] = [];
        for (let row = 0; `${id}.${row}.url` in typed || `${id}.${row}.title` in typed; row++) {
          const url = typed[`${id}.${row}.url`] ?? '';
          const title = typed[`${id}.${row}.title`] ?? '';
          const validFrom = typed[`${id}.${row}.date`] ?? '';
          rows.push({ url, ...(title ? { title } : {}), ...(validFrom ? { validFrom } : {}) });
        }
        values[id] = rows;
        break;
      }
      case 'multiChoice':
      case 'people':
        values[id] = (typed[id] ?? '').split(',').filter(Boolean);
        break;
      case 'text':
        values[id] = typed[id] ?? '';
        break;
      default:
        values[id] = typed[id] || undefined;
    }
  }
  return { context, values, typed };
}
