import type { TableBlock } from '../../chat/table.ts';
import { plainText, truncate, type CardElement } from './text.ts';

/** Rows beyond this would push a card past what Teams shows (about 28 KB); the core cuts earlier. */
const maxRows = 60;

const alignment = { start: 'Left', center: 'Center', end: 'Right' } as const;

const cell = (text: string, style: { weight?: 'bolder' } = {}): CardElement => ({
  type: 'TableCell',
  items: plainText(truncate(text, 300) || ' ', { ...style, size: 'small' }),
});

/**
 * A neutral table as an Adaptive Card 1.5 Table: a header row of the column
 * labels, then one row each, every cell plain text (a department's name can
 * never format itself); what was cut follows as a small note.
 */
export function tableElements(table: TableBlock): CardElement[] {
  const rows = table.rows.slice(0, maxRows);
  return [
    {
      type: 'Table',
      gridStyle: 'accent',
      firstRowAsHeader: true,
      showGridLines: true,
      columns: table.columns.map((column, i) => ({
        type: 'TableColumnDefinition',
        // The naming column gets the room; counts are narrow.
        width: i === 0 ? 3 : 2,
        horizontalCellContentAlignment: alignment[column.align ?? (i === 0 ? 'start' : 'end')],
      })),
      rows: [
        {
          type: 'TableRow',
          style: 'accent',
          cells: table.columns.map((column) => cell(column.label, { weight: 'bolder' })),
        },
        ...rows.map((row) => ({
          type: 'TableRow',
          cells: table.columns.map((_, i) => cell(row[i] ?? '')),
        })),
      ],
    },
    ...(table.more ? plainText(table.more, { size: 'small', isSubtle: true }) : []),
  ];
}
