import { cutRows } from '../chat/table.ts';
import type { Block } from '../chat/views.ts';
import { configuredName } from '../config/schema.ts';
import { isOpenItem, type ActionItem } from './item.ts';
import type { PlanReader } from './reader.ts';

type Table = Extract<Block, { type: 'table' }>;

/** Departments a chat message shows before "and N more — see the report". */
const maxRows = 25;

/**
 * The plan at a glance, one row per department (items of none last): open,
 * overdue and done items. Only worth showing when the items span departments.
 */
export function planTable(
  v: PlanReader,
  items: readonly ActionItem[],
  today: string,
): Table | undefined {
  const byDepartment = new Map<string, { open: number; overdue: number; done: number }>();
  for (const item of items) {
    const key = item.department ?? '';
    const row = byDepartment.get(key) ?? { open: 0, overdue: 0, done: 0 };
    if (item.status === 'done') row.done++;
    else if (isOpenItem(item)) {
      row.open++;
      if (item.due < today) row.overdue++;
    }
    byDepartment.set(key, row);
  }
  if (byDepartment.size < 2) return undefined;
  const order = v.config.departments.map((d) => d.id);
  const rank = (id: string) => (id === '' ? Infinity : order.indexOf(id));
  const rows = [...byDepartment.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([id, counts]) => {
      const department = v.config.departments.find((d) => d.id === id);
      return [
        department ? configuredName(department, v.language) : id || '—',
        String(counts.open),
        String(counts.overdue),
        String(counts.done),
      ];
    });
  const { shown, left } = cutRows(rows, maxRows);
  return {
    type: 'table',
    columns: [
      { label: v.t('common:table.department') },
      { label: v.t('common:table.open') },
      { label: v.t('common:table.overdue') },
      { label: v.t('common:table.done') },
    ],
    rows: shown,
    ...(left > 0 ? { more: v.t('common:table.more', { count: left }) } : {}),
  };
}
