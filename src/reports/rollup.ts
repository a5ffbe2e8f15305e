import { isOpenItem, type ActionItem } from '../action-plans/item.ts';
import { ruleFlags, type RuleFlag } from '../action-plans/rules.ts';
import type { DepartmentRecord } from '../checkins/record-repository.ts';
import { statusOf, type CycleStatus } from '../checkins/status.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Cycle } from '../cycles/cycle.ts';
import type { Store } from '../store/store.ts';
import { cycleRecords } from '../checkins/status.ts';
import { itemBriefs, itemsById } from '../action-plans/repository.ts';
import { addDays, daysBetween } from '../shared/dates.ts';

export interface NewEvidence {
  department: string;
  question: string;
  url: string;
  title?: string;
  by: string;
  at: string;
}

/** Everything a roll-up says, computed from the store. */
export interface RollupData {
  cycle: Cycle;
  today: string;
  status: CycleStatus;
  /** Past the due date and not complete. */
  late: string[];
  /** Not a single answer yet. */
  silent: string[];
  newEvidence: NewEvidence[];
  overdue: ActionItem[];
  dueThisWeek: ActionItem[];
  flags: RuleFlag[];
}

/** Evidence added to answers after `since` (ISO instant), across the cycle. */
export function evidenceSince(
  records: ReadonlyMap<string, DepartmentRecord>,
  since: string | undefined,
): NewEvidence[] {
  const found: NewEvidence[] = [];
  for (const record of records.values()) {
    for (const [question, answer] of Object.entries(record.answers)) {
      if (since !== undefined && answer.at <= since) continue;
      const before = new Set(
        answer.history.flatMap((h) =>
          since !== undefined && h.at <= since ? h.evidence.map((e) => e.url) : [],
        ),
      );
      for (const link of answer.evidence) {
        if (before.has(link.url)) continue;
        // Confirmed unchanged, or given before `since`: not new, whatever the answer's date.
        if (
          link.addedAt !== undefined
            ? since !== undefined && link.addedAt <= since
            : answer.confirmedFrom !== undefined
        )
          continue;
        found.push({
          department: record.department,
          question,
          url: link.url,
          ...(link.title ? { title: link.title } : {}),
          by: answer.by,
          at: answer.at,
        });
      }
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

export async function rollupData(
  store: Store,
  config: OrganizationConfig,
  cycle: Cycle,
  today: string,
  since: string | undefined,
): Promise<RollupData> {
  const records = await cycleRecords(store, cycle);
  const status = statusOf(cycle, records);
  // Briefs first: only the items the roll-up names are read whole.
  const briefs = await itemBriefs(store);
  const named = briefs.filter(
    (b) => (b.status === 'planned' || b.status === 'in_progress') && b.due <= addDays(today, 6),
  );
  const open = (
    await itemsById(
      store,
      named.map((b) => b.id),
    )
  ).filter(isOpenItem);
  const pastDue = today > cycle.dueDate;
  return {
    cycle,
    today,
    status,
    late: pastDue
      ? status.departments.filter((d) => d.answered < d.total).map((d) => d.department)
      : [],
    silent: status.departments
      .filter((d) => d.total > 0 && d.answered === 0 && d.skipped.length === 0)
      .map((d) => d.department),
    newEvidence: evidenceSince(records, since),
    overdue: open
      .filter((i) => daysBetween(today, i.due) < 0)
      .sort((a, b) => a.due.localeCompare(b.due)),
    dueThisWeek: open
      .filter((i) => i.due >= today && i.due <= addDays(today, 6))
      .sort((a, b) => a.due.localeCompare(b.due)),
    flags: ruleFlags(config, briefs),
  };
}
