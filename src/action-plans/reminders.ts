import { daysBetween } from '../shared/dates.ts';
import { isOpenItem, type ActionItem } from './item.ts';

export interface ReminderLine {
  item: ActionItem;
  kind: 'dueSoon' | 'overdue';
  /** Days until due (due soon) or since due (overdue). */
  days: number;
}

/** What an item needs today: a due-soon note on the configured days before, or an overdue one every day after. */
export function reminderLine(
  item: ActionItem,
  today: string,
  daysBefore: readonly number[],
): ReminderLine | undefined {
  if (!isOpenItem(item)) return undefined;
  if (item.snoozedUntil && today < item.snoozedUntil) return undefined;
  const until = daysBetween(today, item.due);
  if (until < 0) return { item, kind: 'overdue', days: -until };
  if (daysBefore.includes(until)) return { item, kind: 'dueSoon', days: until };
  return undefined;
}

/** Each owner's reminders for the day, grouped: one message per owner. */
export function remindersByOwner(
  items: readonly ActionItem[],
  today: string,
  daysBefore: readonly number[],
): Map<string, ReminderLine[]> {
  const byOwner = new Map<string, ReminderLine[]>();
  for (const item of items) {
    const line = reminderLine(item, today, daysBefore);
    if (!line) continue;
    for (const owner of item.owners) byOwner.set(owner, [...(byOwner.get(owner) ?? []), line]);
  }
  return byOwner;
}

/**
 * Items to escalate to the coordinating body, once each: overdue for the
 * configured number of days, or needing a reminder an owner cannot receive.
 */
export function itemsToEscalate(
  items: readonly ActionItem[],
  today: string,
  options: {
    afterDaysOverdue: number;
    daysBefore: readonly number[];
    unreachable: ReadonlySet<string>;
  },
): ReminderLine[] {
  return items
    .filter((item) => isOpenItem(item) && item.escalatedAt === undefined)
    .map((item) => {
      const until = daysBetween(today, item.due);
      const line: ReminderLine =
        until < 0
          ? { item, kind: 'overdue', days: -until }
          : { item, kind: 'dueSoon', days: until };
      const overdueLong = until < 0 && -until >= options.afterDaysOverdue;
      const needsReminder = until < 0 || options.daysBefore.includes(until);
      const ownerUnreachable = needsReminder && item.owners.some((o) => options.unreachable.has(o));
      return overdueLong || ownerUnreachable ? line : undefined;
    })
    .filter((line): line is ReminderLine => line !== undefined);
}
