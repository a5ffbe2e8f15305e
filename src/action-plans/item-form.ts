import type { FormView } from '../chat/views.ts';
import { configuredName } from '../config/schema.ts';
import { itemLimits } from './draft.ts';
import { horizons, servedId, type ActionItem } from './item.ts';
import type { PlanReader } from './reader.ts';

/**
 * The options of every framework item the organisation uses, each key factor
 * followed by its guiding questions, so a measure can name the very question
 * it answers. Slack lists at most 100 options; the catalogue has under 90.
 */
function servesOptions(v: PlanReader): { value: string; label: string }[] {
  const option = (value: string, text: string) => ({
    value,
    label: `${value} ${text}`.slice(0, 75),
  });
  return v.config.frameworks.flatMap((framework) =>
    v.catalogue
      .framework(framework, v.language)
      .items.flatMap((i) => [
        option(i.id, i.title),
        ...i.questions.map((q) => option(q.id, q.text)),
      ]),
  );
}

/** The form for a new measure (pre-filled from where it was asked for) or for editing one. */
export function itemForm(
  v: PlanReader,
  item?: ActionItem,
  prefill: { department?: string; serves?: string } = {},
): FormView {
  const department = item?.department ?? prefill.department;
  const serves = item ? item.serves.map(servedId) : prefill.serves ? [prefill.serves] : [];
  const text = (
    id: 'description' | 'means' | 'resources' | 'partners',
    maxLength: number,
    initial: string | undefined,
  ) => ({
    id,
    type: 'text' as const,
    label: v.t(`actions:forms.${id}`),
    multiline: true,
    maxLength,
    optional: true,
    ...(initial ? { initial } : {}),
  });
  return {
    title: v.t(item ? 'actions:forms.editTitle' : 'actions:forms.newTitle'),
    submitLabel: v.t('actions:forms.save'),
    context: item
      ? { kind: 'actionEdit', item: item.id }
      : {
          kind: 'actionNew',
          ...(department ? { department } : {}),
          ...(prefill.serves ? { serves: prefill.serves } : {}),
        },
    fields: [
      {
        id: 'title',
        type: 'text',
        label: v.t('actions:forms.title'),
        multiline: false,
        maxLength: itemLimits.title,
        ...(item ? { initial: item.title } : {}),
      },
      text('description', itemLimits.description, item?.description),
      {
        id: 'serves',
        type: 'multiChoice',
        label: v.t('actions:forms.serves'),
        options: servesOptions(v),
        ...(serves.length > 0 ? { initial: serves } : {}),
      },
      {
        id: 'department',
        type: 'choice',
        label: v.t('actions:forms.department'),
        optional: true,
        options: v.config.departments.map((d) => ({
          value: d.id,
          label: configuredName(d, v.language),
        })),
        ...(department ? { initial: department } : {}),
      },
      {
        id: 'horizon',
        type: 'choice',
        label: v.t('actions:forms.horizon'),
        optional: true,
        options: horizons.map((h) => ({ value: h, label: v.t(`actions:horizon.${h}`) })),
        ...(item?.horizon ? { initial: item.horizon } : {}),
      },
      text('means', itemLimits.means, item?.means),
      text('resources', itemLimits.resources, item?.resources),
      {
        ...text(
          'partners',
          itemLimits.partners * (itemLimits.partner + 1),
          item?.partners?.join('\n'),
        ),
        hint: v.t('actions:forms.partnersHint'),
      },
      { id: 'owners', type: 'people', label: v.t('actions:forms.owners') },
      {
        id: 'start',
        type: 'date',
        label: v.t('actions:forms.start'),
        optional: true,
        ...(item?.start ? { initial: item.start } : {}),
      },
      {
        id: 'due',
        type: 'date',
        label: v.t('actions:forms.due'),
        ...(item ? { initial: item.due } : {}),
      },
    ],
  };
}
