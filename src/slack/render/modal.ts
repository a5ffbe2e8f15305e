import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Action } from '../../chat/actions.ts';
import type { FormField, FormView, FormWords } from '../../chat/views.ts';
import type { Evidence } from '../../shared/benchmark.ts';
import type { FormValues } from '../../chat/actor.ts';
import { parseAction } from '../../chat/actions.ts';
import { escapeMrkdwn, truncate } from './escape.ts';

export const formCallbackId = 'tasa.form';

const plain = (text: string, max = 2000) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: false,
});
const option = (o: { value: string; label: string }): PlainTextOption => ({
  text: plain(o.label, 75),
  value: o.value,
});

/** How many evidence rows a form shows: the links already given and room for more. */
const linkRows = (field: Extract<FormField, { type: 'links' }>): number =>
  Math.min(field.max, Math.max(3, (field.initial?.length ?? 0) + 1));

function fieldBlocks(field: FormField, words: FormWords | undefined): KnownBlock[] {
  const optional = field.optional ?? false;
  switch (field.type) {
    case 'choice': {
      const initial = field.options.find((o) => o.value === field.initial);
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label, 2000),
          element: {
            type: 'static_select',
            action_id: field.id,
            options: field.options.map(option),
            ...(initial ? { initial_option: option(initial) } : {}),
          },
        },
      ];
    }
    case 'multiChoice': {
      const initial = field.options.filter((o) => field.initial?.includes(o.value));
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label),
          // Checkboxes hold ten options; longer lists (framework items) become a multi-select.
          element:
            field.options.length <= 10
              ? {
                  type: 'checkboxes',
                  action_id: field.id,
                  options: field.options.map(option),
                  ...(initial.length > 0 ? { initial_options: initial.map(option) } : {}),
                }
              : {
                  type: 'multi_static_select',
                  action_id: field.id,
                  options: field.options.slice(0, 100).map(option),
                  ...(initial.length > 0 ? { initial_options: initial.map(option) } : {}),
                },
        },
      ];
    }
    case 'text':
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label),
          ...(field.hint ? { hint: plain(field.hint) } : {}),
          element: {
            type: 'plain_text_input',
            action_id: field.id,
            multiline: field.multiline,
            max_length: Math.min(field.maxLength, 3000),
            ...(field.initial ? { initial_value: field.initial } : {}),
          },
        },
      ];
    case 'links':
      return Array.from({ length: linkRows(field) }, (_, row): KnownBlock[] => {
        const link = field.initial?.[row];
        return [
          {
            type: 'input',
            block_id: `${field.id}.${row}.url`,
            optional: true,
            label: plain(words?.linkUrls?.[row] ?? `${field.label} ${row + 1}`),
            ...(row === 0 && field.hint ? { hint: plain(field.hint) } : {}),
            element: {
              type: 'plain_text_input',
              action_id: 'url',
              ...(field.maxLengths ? { max_length: field.maxLengths.url } : {}),
              ...(link ? { initial_value: link.url } : {}),
            },
          },
          {
            type: 'input',
            block_id: `${field.id}.${row}.title`,
            optional: true,
            label: plain(words?.linkTitles[row] ?? `${field.label} ${row + 1}`),
            element: {
              type: 'plain_text_input',
              action_id: 'title',
              ...(field.maxLengths ? { max_length: field.maxLengths.title } : {}),
              ...(link?.title ? { initial_value: link.title } : {}),
            },
          },
          ...(field.dated
            ? [
                {
                  type: 'input' as const,
                  block_id: `${field.id}.${row}.date`,
                  optional: true,
                  label: plain(words?.linkDates?.[row] ?? `${field.label} ${row + 1}`),
                  element: {
                    type: 'datepicker' as const,
                    action_id: 'date',
                    ...(link?.validFrom ? { initial_date: link.validFrom } : {}),
                  },
                },
              ]
            : []),
        ];
      }).flat();
    case 'person':
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label),
          element: { type: 'users_select', action_id: field.id },
        },
      ];
    case 'people':
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label),
          element: {
            type: 'multi_users_select',
            action_id: field.id,
            ...(field.initial && field.initial.length > 0 ? { initial_users: field.initial } : {}),
          },
        },
      ];
    case 'date':
      return [
        {
          type: 'input',
          block_id: field.id,
          optional,
          label: plain(field.label),
          element: {
            type: 'datepicker',
            action_id: field.id,
            ...(field.initial ? { initial_date: field.initial } : {}),
          },
        },
      ];
  }
}

/** A neutral form as a Slack modal; the context rides along in private_metadata. */
export function toModal(form: FormView): ModalView {
  const intro: KnownBlock[] = form.intro
    ? [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(form.intro), 3000), verbatim: true },
        },
      ]
    : [];
  return {
    type: 'modal',
    callback_id: formCallbackId,
    private_metadata: JSON.stringify({
      context: form.context,
      fields: form.fields.map((f) => [f.id, f.type]),
    }),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    blocks: [...intro, ...form.fields.flatMap((field) => fieldBlocks(field, form.words))],
  };
}

type StateValues = Record<string, Record<string, SlackStateValue>>;
interface SlackStateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_date?: string | null;
}

/** Reads a submitted modal back: the form's context and its values, as the engine expects them. */
export function fromModal(
  privateMetadata: string,
  state: StateValues,
): { context: Action; values: FormValues } | undefined {
  let meta: { context?: unknown; fields?: [string, FormField['type']][] };
  try {
    meta = JSON.parse(privateMetadata) as typeof meta;
  } catch {
    return undefined;
  }
  const context = parseAction(meta.context);
  if (!context) return undefined;
  const values: FormValues = {};
  for (const [id, type] of meta.fields ?? []) {
    if (type === 'links') {
      const rows: Evidence[] = [];
      for (let row = 0; state[`${id}.${row}.url`]; row++) {
        const url = state[`${id}.${row}.url`]?.url?.value ?? '';
        const title = state[`${id}.${row}.title`]?.title?.value ?? '';
        const validFrom = state[`${id}.${row}.date`]?.date?.selected_date ?? undefined;
        rows.push({ url, ...(title ? { title } : {}), ...(validFrom ? { validFrom } : {}) });
      }
      values[id] = rows;
      continue;
    }
    const value = state[id]?.[id];
    if (!value) continue;
    if (type === 'choice') values[id] = value.selected_option?.value ?? undefined;
    else if (type === 'multiChoice')
      values[id] = (value.selected_options ?? []).map((o) => o.value);
    else if (type === 'person') values[id] = value.selected_user ?? undefined;
    else if (type === 'people') values[id] = value.selected_users ?? [];
    else if (type === 'date') values[id] = value.selected_date ?? undefined;
    else values[id] = value.value ?? '';
  }
  return { context, values };
}

/** Engine field errors as Slack's `response_action: errors`, keyed by block id. */
export function toSlackErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field === '_form') continue;
    const block = /^[\w]+\.\d+$/.test(field) ? `${field}.url` : field;
    out[block] = truncate(message, 2000);
  }
  return out;
}
