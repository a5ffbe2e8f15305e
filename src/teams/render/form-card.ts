import type { Action } from '../../chat/actions.ts';
import type { FormField, FormView, FormWords } from '../../chat/views.ts';
import type { Evidence } from '../../shared/benchmark.ts';
import type { FormValues } from '../../chat/actor.ts';
import type { ConfiguredPerson } from '../people.ts';
import { parseAction } from '../../chat/actions.ts';
import { card } from './card.ts';
import { plainText, truncate, type AdaptiveCard, type CardElement } from './text.ts';

/** The few words a form card needs beyond the form itself, in the reader's language. */
export type FormTexts = FormWords;

/** For a form sent without its words: labels fall back to numbers, the picker to no prompt. */
export const noWords: FormWords = { linkTitles: [], peoplePlaceholder: '' };

/** What was typed (input id → text) and what is wrong with it (field → message). */
export interface FormState {
  typed?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
}

type FieldType = FormField['type'];

/** How many evidence rows a form shows: what is given and room for more, at least three. */
const linkRows = (field: Extract<FormField, { type: 'links' }>, typed: Record<string, string>) => {
  let typedRows = 0;
  while (`${field.id}.${typedRows}.url` in typed) typedRows++;
  return Math.min(field.max, Math.max(3, (field.initial?.length ?? 0) + 1, typedRows));
};

const problem = (message: string | undefined): CardElement[] =>
  message ? plainText(message, { color: 'attention', size: 'small' }) : [];

const hint = (text: string | undefined): CardElement[] =>
  text
    ? plainText(text, { isSubtle: true, size: 'small' }).map((b) => ({ ...b, spacing: 'none' }))
    : [];

const choices = (options: { value: string; label: string }[]) =>
  options.map((o) => ({ title: truncate(o.label, 150), value: o.value }));

function fieldElements(
  field: FormField,
  texts: FormTexts,
  people: readonly ConfiguredPerson[],
  typed: Record<string, string>,
  errors: Readonly<Record<string, string>>,
): CardElement[] {
  const value = (initial: string | undefined) => {
    const text = typed[field.id] ?? initial;
    return text ? { value: text } : {};
  };
  switch (field.type) {
    case 'choice':
      return [
        {
          type: 'Input.ChoiceSet',
          id: field.id,
          label: field.label,
          style: 'compact',
          choices: choices(field.options),
          ...value(field.initial),
        },
        ...problem(errors[field.id]),
      ];
    case 'multiChoice':
      return [
        {
          type: 'Input.ChoiceSet',
          id: field.id,
          label: field.label,
          style: 'expanded',
          isMultiSelect: true,
          choices: choices(field.options),
          ...value(field.initial?.join(',')),
        },
        ...problem(errors[field.id]),
      ];
    case 'text':
      return [
        {
          type: 'Input.Text',
          id: field.id,
          label: field.label,
          isMultiline: field.multiline,
          maxLength: field.maxLength,
          ...value(field.initial),
        },
        ...hint(field.hint),
        ...problem(errors[field.id]),
      ];
    case 'links':
      return [
        ...plainText(field.label, { weight: 'bolder' }),
        ...hint(field.hint),
        ...problem(errors[field.id]),
        ...Array.from({ length: linkRows(field, typed) }, (_, row): CardElement[] => {
          const url = `${field.id}.${row}.url`;
          const title = `${field.id}.${row}.title`;
          const initial = field.initial?.[row];
          const text = (id: string, fallback: string | undefined) => {
            const shown = typed[id] ?? fallback;
            return shown ? { value: shown } : {};
          };
          return [
            {
              type: 'Input.Text',
              id: url,
              label: texts.linkUrls?.[row] ?? `${field.label} ${row + 1}`,
              style: 'Url',
              ...text(url, initial?.url),
            },
            {
              type: 'Input.Text',
              id: title,
              label: texts.linkTitles[row] ?? `${row + 1}`,
              spacing: 'small',
              ...text(title, initial?.title),
            },
            ...problem(errors[`${field.id}.${row}`]),
          ];
        }).flat(),
      ];
    case 'person':
    case 'people':
      return [
        {
          // The Teams people picker: the directory's users by typeahead; the configured
          // people are listed too, for hosts without the directory (the Playground).
          type: 'Input.ChoiceSet',
          id: field.id,
          label: field.label,
          style: 'filtered',
          ...(field.type === 'people' ? { isMultiSelect: true } : {}),
          placeholder: texts.peoplePlaceholder,
          choices: people.map((p) => ({ title: p.name ?? p.id, value: p.id })),
          'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
          ...value(field.type === 'people' ? field.initial?.join(',') : undefined),
        },
        ...problem(errors[field.id]),
      ];
    case 'date':
      return [
        { type: 'Input.Date', id: field.id, label: field.label, ...value(field.initial) },
        ...problem(errors[field.id]),
      ];
  }
}

/** Errors no field shows: the whole form's, or a field the form no longer has. */
function unplaced(form: FormView, errors: Readonly<Record<string, string>>): string[] {
  const placed = new Set(
    form.fields.flatMap((f) =>
      f.type === 'links'
        ? [f.id, ...Array.from({ length: f.max }, (_, row) => `${f.id}.${row}`)]
        : [f.id],
    ),
  );
  return Object.entries(errors)
    .filter(([field]) => !placed.has(field))
    .map(([, message]) => message);
}

/**
 * A neutral form as an Adaptive Card: Teams has no modal for a bot message,
 * so the form is a card in the chat. The submit button carries the form's
 * context and its fields back; a card shown again after a problem keeps what
 * was typed, with each problem in red under its field.
 */
export function formCard(
  form: FormView,
  texts: FormTexts,
  people: readonly ConfiguredPerson[],
  state: FormState = {},
): AdaptiveCard {
  const typed = state.typed ?? {};
  const errors = state.errors ?? {};
  const body: CardElement[] = [
    ...plainText(form.title, { size: 'large', weight: 'bolder' }),
    ...(form.intro ? plainText(form.intro) : []),
    ...unplaced(form, errors).flatMap((message) => problem(message)),
    ...form.fields.flatMap((field) => fieldElements(field, texts, people, typed, errors)),
  ];
  const fields: [string, FieldType][] = form.fields.map((f) => [f.id, f.type]);
  return card(body, form.title, [
    {
      type: 'Action.Submit',
      title: truncate(form.submitLabel, 80),
      style: 'positive',
      data: { tasaForm: form.context, tasaFields: fields },
    },
  ]);
}

/** A submitted form card, read-only: its title and what became of it. */
export const closedFormCard = (form: FormView, outcome: string): AdaptiveCard =>
  card(
    [
      ...plainText(form.title, { size: 'large', weight: 'bolder' }),
      ...(form.intro ? plainText(form.intro, { isSubtle: true }) : []),
      ...plainText(outcome),
    ],
    `${form.title}: ${outcome}`,
  );

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
          rows.push(title ? { url, title } : { url });
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
