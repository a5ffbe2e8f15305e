import type { Block, TableColumn } from './views.ts';

export type TableBlock = Extract<Block, { type: 'table' }>;

/** A cell that says nothing in a line of text: empty, or a count of zero. */
const saysNothing = (cell: string): boolean => cell.trim() === '' || cell.trim() === '0';

/**
 * A table as lines of text, where there is no table to show it in (Slack,
 * notification text): the row's name, then each other column's label and
 * value, leaving out empty cells and zero counts so that a line stays short.
 */
export function tableLines(table: {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  more?: string;
}): string[] {
  const lines = table.rows.map((row) => {
    const [name = '', ...cells] = row;
    const parts = cells.flatMap((cell, i) =>
      saysNothing(cell) ? [] : [`${table.columns[i + 1]?.label ?? ''} ${cell}`.trim()],
    );
    return parts.length > 0 ? `${name}: ${parts.join(' · ')}` : name;
  });
  return table.more ? [...lines, table.more] : lines;
}

/**
 * The first `max` rows and how many were left out: a table longer than a
 * chat message can hold is cut, and the rest is in the report.
 */
export function cutRows<T>(rows: readonly T[], max: number): { shown: T[]; left: number } {
  return rows.length <= max
    ? { shown: [...rows], left: 0 }
    : { shown: rows.slice(0, max), left: rows.length - max };
}
