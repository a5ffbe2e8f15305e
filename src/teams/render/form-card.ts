import type { FormField, FormView, FormWords } from '../../chat/views.ts';
import type { ConfiguredPerson } from '../people.ts';
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
  /** The dialog the form is shown in, if it is one (a card in the chat otherwise). */
  dialog?: string;
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

/**
 * What every input says for assistive technology and the client's own check:
 * required unless optional, and the message under it when it is wrong (what
 * the engine found, or that a required field is empty).
 */
const checked = (
  field: FormField,
  texts: FormTexts,
  error: string | undefined,
): Record<string, unknown> => {
  const required = field.optional !== true && field.type !== 'links';
  const message = error ?? (required ? texts.required : undefined);
  return {
    ...(required ? { isRequired: true } : {}),
    ...(message ? { errorMessage: truncate(message, 500) } : {}),
  };
};

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
          ...checked(field, texts, errors[field.id]),
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
          ...checked(field, texts, errors[field.id]),
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
          ...checked(field, texts, errors[field.id]),
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
              ...(errors[`${field.id}.${row}`]
                ? { errorMessage: truncate(errors[`${field.id}.${row}`] ?? '', 500) }
                : {}),
            },
            {
              type: 'Input.Text',
              id: title,
              label: texts.linkTitles[row] ?? `${row + 1}`,
              spacing: 'small',
              ...text(title, initial?.title),
            },
            ...(field.dated
              ? [
                  {
                    type: 'Input.Date',
                    id: `${field.id}.${row}.date`,
                    label: texts.linkDates?.[row] ?? `${row + 1}`,
                    spacing: 'small',
                    ...text(`${field.id}.${row}.date`, initial?.validFrom),
                  },
                ]
              : []),
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
          ...checked(field, texts, errors[field.id]),
        },
        ...problem(errors[field.id]),
      ];
    case 'date':
      return [
        {
          type: 'Input.Date',
          id: field.id,
          label: field.label,
          ...value(field.initial),
          ...checked(field, texts, errors[field.id]),
        },
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
 * A neutral form as an Adaptive Card: the card of a dialog, or, where there
 * are no dialogs, a card in the chat. The submit button carries the form's
 * context and its fields back; a card shown again after a problem keeps what
 * was typed, with each problem in words (and red) right under its field.
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
      data: {
        tasaForm: form.context,
        tasaFields: fields,
        ...(state.dialog ? { tasaDialog: state.dialog } : {}),
      },
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

export { readSubmittedForm, type SubmittedForm } from './submitted-form.ts';
