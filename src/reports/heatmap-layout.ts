/** Where everything in the heatmap lands, measured before anything is drawn. */
import { cell, heatmapScale, looks, size, type HeatmapCell } from './heatmap-cells.ts';
import { textWidth, truncate } from './svg.ts';

export interface HeatmapInput {
  title: string;
  subtitle?: string;
  /** Row labels, already localised. */
  departments: string[];
  /** Columns; short labels such as '1', the long titles go in `keyFactorTitles`. */
  keyFactors: { id: string; label: string }[];
  /** Full titles ("1 Public commitment"), listed in a key under the legend. */
  keyFactorTitles?: string[];
  /** [department][keyFactor] */
  cells: HeatmapCell[][];
  /** Localised words for each value. */
  legend: Record<HeatmapCell, string>;
}

export const padding = 24;
const minWidth = 640;
/** Past this the legend wraps rather than widening the picture further. */
const maxLegendLine = 900;
const limit = { title: 120, row: 40, column: 24, legend: 40, key: 80 };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where things land, in px of the picture: for tests and for anyone annotating it. */
export interface HeatmapLayout {
  width: number;
  height: number;
  /** The slot of one cell; its square is drawn 1 px inside. */
  cell(row: number, column: number): Box;
  /** Everything the legend draws. */
  legend: Box;
}

export interface Layout {
  width: number;
  height: number;
  legendBox: Box;
  title: { text: string; y: number };
  subtitle?: { text: string; y: number };
  columns: { labels: string[]; rotated: boolean; y: number };
  grid: { x: number; y: number; labels: string[] };
  legend: { word: string; value: HeatmapCell; x: number; y: number }[];
  key: { text: string; x: number; y: number }[];
}

export function heatmapLayout(input: HeatmapInput): HeatmapLayout {
  check(input);
  const { width, height, grid, legendBox } = layOut(input);
  return {
    width,
    height,
    cell: (row, column) => ({
      x: grid.x + column * cell.width,
      y: grid.y + row * cell.height,
      width: cell.width,
      height: cell.height,
    }),
    legend: legendBox,
  };
}

/** A mismatched table would silently paint ratings on the wrong department. */
export function check(input: HeatmapInput): void {
  if (input.cells.length !== input.departments.length) {
    throw new RangeError(
      `heatmap: ${input.cells.length} rows of cells for ${input.departments.length} departments`,
    );
  }
  input.cells.forEach((row, r) => {
    if (row.length !== input.keyFactors.length) {
      throw new RangeError(
        `heatmap: row ${r} has ${row.length} cells for ${input.keyFactors.length} key factors`,
      );
    }
    for (const value of row) {
      if (!Object.hasOwn(looks, value)) throw new RangeError(`heatmap: unknown cell "${value}"`);
    }
  });
}

export function layOut(input: HeatmapInput): Layout {
  const widest = (texts: string[], px: number, bold = false): number =>
    Math.ceil(Math.max(0, ...texts.map((t) => textWidth(t, px, bold ? 'bold' : 'regular'))));

  const title = truncate(input.title, limit.title);
  const subtitle = input.subtitle ? truncate(input.subtitle, limit.title) : '';
  const rowLabels = input.departments.map((name) => truncate(name, limit.row));
  const columnLabels = input.keyFactors.map((kf) => truncate(kf.label, limit.column));
  const keyTitles = (input.keyFactorTitles ?? []).map((t) => truncate(t, limit.key));
  const items = heatmapScale.map((value) => {
    const word = truncate(input.legend[value], limit.legend);
    return { value, word, width: cell.width + 6 + Math.ceil(textWidth(word, size.legend)) };
  });

  let y = padding;
  const titleAt = { text: title, y: y + 14 };
  y += 22;
  const subtitleAt = subtitle ? { text: subtitle, y: y + 12 } : undefined;
  if (subtitle) y += 18;
  y += 12;

  // Column labels stand upright when they fit a cell, otherwise they turn.
  const columnWidest = widest(columnLabels, size.column, true);
  const rotated = columnWidest > cell.width - 4;
  const headerHeight = rotated ? columnWidest + 8 : 16;
  const columns = { labels: columnLabels, rotated, y: y + headerHeight - 5 };
  y += headerHeight + 2;

  const gridX = padding + (rowLabels.length ? widest(rowLabels, size.row) + 10 : 0);
  const grid = { x: gridX, y, labels: rowLabels };
  y += rowLabels.length * cell.height + 20;

  const legendLine = items.reduce((sum, item) => sum + item.width, 0) + 16 * (items.length - 1);
  const keyWidest = widest(keyTitles, size.key);

  const width = Math.max(
    minWidth,
    gridX + columnLabels.length * cell.width + padding,
    widest([title], size.title, true) + 2 * padding,
    widest([subtitle], size.subtitle) + 2 * padding,
    Math.min(legendLine, maxLegendLine) + 2 * padding,
    Math.max(...items.map((item) => item.width)) + 2 * padding,
    keyWidest + 2 * padding,
  );
  const right = width - padding;

  // The legend flows left to right and wraps within the padding.
  const legend: Layout['legend'] = [];
  const legendTop = y;
  let x = padding;
  let legendRight = padding;
  for (const item of items) {
    if (x > padding && x + item.width > right) {
      x = padding;
      y += cell.height + 8;
    }
    legend.push({ word: item.word, value: item.value, x, y });
    legendRight = Math.max(legendRight, x + item.width);
    x += item.width + 16;
  }
  y += cell.height;
  const legendBox = {
    x: padding,
    y: legendTop,
    width: legendRight - padding,
    height: y - legendTop,
  };

  // The key fills as many columns as fit (up to three), top to bottom.
  const key: Layout['key'] = [];
  if (keyTitles.length) {
    y += 16;
    const columnWidth = keyWidest + 24;
    const keyColumns = Math.max(1, Math.min(3, Math.floor((right - padding + 24) / columnWidth)));
    const perColumn = Math.ceil(keyTitles.length / keyColumns);
    keyTitles.forEach((text, i) => {
      const column = Math.floor(i / perColumn);
      const line = i % perColumn;
      key.push({ text, x: padding + column * columnWidth, y: y + line * 16 + 11 });
    });
    y += perColumn * 16;
  }

  const height = y + padding;
  return {
    width,
    height,
    legendBox,
    title: titleAt,
    ...(subtitleAt ? { subtitle: subtitleAt } : {}),
    columns,
    grid,
    legend,
    key,
  };
}
