import { cutRows } from '../chat/table.ts';
import type { Block, FormView, MessageView } from '../chat/views.ts';
import { configuredName } from '../config/schema.ts';
import { formatDate } from '../i18n/format.ts';
import { limits } from '../checkins/limits.ts';
import type { ActionItem } from './item.ts';
import { planTable } from './plan-table.ts';
import type { PlanReader } from './reader.ts';
import type { ReminderLine } from './reminders.ts';
import type { RuleFlag } from './rules.ts';

const departmentName = (v: PlanReader, id: string | undefined): string | undefined => {
  const department = v.config.departments.find((d) => d.id === id);
  return department ? configuredName(department, v.language) : id;
};

/** `KF01 Public commitment`, `ECCAR03 Better support …` */
export function servesTitle(
  v: PlanReader,
  item: { framework: ActionItem['serves'][number]['framework']; item: string },
): string {
  const found = v.catalogue
    .framework(item.framework, v.language)
    .items.find((i) => i.id === item.item);
  return found ? `${item.item} ${found.title}` : item.item;
}

/** One line about an item: id, title, due date, and how it stands. */
export function itemLine(v: PlanReader, item: ActionItem, line?: ReminderLine): string {
  const due = formatDate(item.due, v.language);
  const standing = line
    ? line.kind === 'overdue'
      ? v.t('actions:line.overdue', { count: line.days })
      : line.days === 0
        ? v.t('actions:line.dueToday')
        : v.t('actions:line.dueIn', { count: line.days })
    : v.t(`actions:status.${item.status}`);
  const department = departmentName(v, item.department);
  return v.t('actions:line.item', {
    id: item.id,
    title: item.title,
    due,
    standing,
    owners: item.owners.map(v.nameOf).join(', '),
    department: department ?? '—',
  });
}

const itemButtons = (v: PlanReader, item: ActionItem): Block => ({
  type: 'actions',
  buttons: [
    {
      label: v.t('actions:buttons.done'),
      action: { kind: 'actionDone', item: item.id },
      style: 'primary',
    },
    { label: v.t('actions:buttons.note'), action: { kind: 'actionNote', item: item.id } },
    { label: v.t('actions:buttons.move'), action: { kind: 'actionMove', item: item.id } },
    {
      label: v.t('actions:buttons.snooze', { count: 7 }),
      action: { kind: 'actionSnooze', item: item.id, days: 7 },
    },
  ],
});

/** An owner's grouped reminder: every item due soon or overdue, each with its actions. */
export function reminderMessage(v: PlanReader, lines: readonly ReminderLine[]): MessageView {
  const title = v.t('actions:reminder.title', { count: lines.length });
  const blocks: Block[] = [{ type: 'header', text: title }];
  for (const line of lines) {
    blocks.push({ type: 'text', text: itemLine(v, line.item, line) });
    blocks.push(itemButtons(v, line.item));
  }
  return { text: title, blocks };
}

/** One grouped message to the coordinating body about items nobody has acted on. */
export function escalationMessage(
  v: PlanReader,
  lines: readonly ReminderLine[],
  unreachable: ReadonlySet<string>,
): MessageView {
  const title = v.t('actions:escalation.title', { count: lines.length });
  const text = lines
    .map((line) => {
      const silent = line.item.owners.filter((o) => unreachable.has(o)).map(v.nameOf);
      return silent.length > 0
        ? `${itemLine(v, line.item, line)} ${v.t('actions:escalation.unreachable', { owners: silent.join(', ') })}`
        : itemLine(v, line.item, line);
    })
    .join('\n');
  return {
    text: `${title}\n${text}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text },
    ],
  };
}

export function flagLines(v: PlanReader, flags: readonly RuleFlag[]): string[] {
  return flags.map((flag) =>
    flag.kind === 'commitmentWithoutMeasure'
      ? v.t(
          flag.planned > 0
            ? 'actions:flags.commitmentOnlyPlanned'
            : 'actions:flags.commitmentWithoutMeasure',
          {
            commitment: servesTitle(v, { framework: 'eccar-10-point', item: flag.item }),
            count: flag.planned,
            // The framework's own words, kept verbatim in the catalogue.
            rule: v.t('catalogue:eccar-10-point.rule'),
          },
        )
      : v.t('actions:flags.tooManyFocusGoals', {
          count: flag.goals.length,
          goals: flag.goals.join(', '),
          max: flag.max,
        }),
  );
}

/** Items listed one by one (with their buttons) in a chat message. */
const maxListedItems = 20;

/** A list of items, with the frameworks' flags under it. */
export function itemsMessage(
  v: PlanReader,
  title: string,
  items: readonly ActionItem[],
  flags: readonly RuleFlag[] = [],
  today?: string,
): MessageView {
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (items.length === 0) blocks.push({ type: 'text', text: v.t('actions:list.none') });
  const table = today ? planTable(v, items, today) : undefined;
  if (table) blocks.push(table);
  // Each item takes two of a Slack message's 50 blocks; the rest are in the report.
  const { shown, left } = cutRows(items, maxListedItems);
  for (const item of shown) {
    blocks.push({ type: 'text', text: itemLine(v, item) });
    if (item.status === 'planned' || item.status === 'in_progress')
      blocks.push(itemButtons(v, item));
  }
  if (left > 0) blocks.push({ type: 'context', text: v.t('common:table.more', { count: left }) });
  const flagged = flagLines(v, flags);
  if (flagged.length > 0) blocks.push({ type: 'context', text: flagged.join('\n') });
  blocks.push({
    type: 'actions',
    buttons: [{ label: v.t('actions:buttons.new'), action: { kind: 'actionNew' } }],
  });
  const lines = items.length === 0 ? [v.t('actions:list.none')] : items.map((i) => itemLine(v, i));
  return { text: [title, ...lines, ...flagged].join('\n'), blocks };
}

export function doneForm(v: PlanReader, item: ActionItem): FormView {
  return {
    title: v.t('actions:forms.doneTitle'),
    submitLabel: v.t('actions:forms.doneSubmit'),
    context: { kind: 'actionDone', item: item.id },
    intro: `${item.id} · ${item.title}`,
    fields: [
      {
        id: 'evidence',
        type: 'links',
        label: v.t('actions:forms.evidence'),
        max: 3,
        maxLengths: { url: limits.evidenceUrl, title: limits.evidenceTitle },
        optional: true,
      },
      {
        id: 'note',
        type: 'text',
        label: v.t('actions:forms.note'),
        multiline: true,
        maxLength: limits.note,
        optional: true,
      },
    ],
  };
}

export function noteForm(v: PlanReader, item: ActionItem): FormView {
  return {
    title: v.t('actions:forms.noteTitle'),
    submitLabel: v.t('actions:forms.save'),
    context: { kind: 'actionNote', item: item.id },
    intro: `${item.id} · ${item.title}`,
    fields: [
      {
        id: 'note',
        type: 'text',
        label: v.t('actions:forms.note'),
        multiline: true,
        maxLength: limits.note,
      },
    ],
  };
}

export function moveForm(v: PlanReader, item: ActionItem): FormView {
  return {
    title: v.t('actions:forms.moveTitle'),
    submitLabel: v.t('actions:forms.save'),
    context: { kind: 'actionMove', item: item.id },
    intro: `${item.id} · ${item.title} · ${formatDate(item.due, v.language)}`,
    fields: [
      { id: 'due', type: 'date', label: v.t('actions:forms.newDue'), initial: item.due },
      {
        id: 'reason',
        type: 'text',
        label: v.t('actions:forms.reason'),
        multiline: true,
        maxLength: limits.reason,
      },
    ],
  };
}
