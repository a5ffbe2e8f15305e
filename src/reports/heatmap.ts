/**
 * The digest's picture: departments × key factors, each cell the department's
 * own rating of the key factor.
 *
 * The steering group prints it, often in greyscale, and some readers are
 * colour-blind, so colour is never the only carrier: the four ratings run
 * light → dark on one blue hue (ColorBrewer Blues, no red/green), every cell
 * also carries a mark (0–3, – for skipped), skipped cells are hatched, and
 * unrated cells are empty outlines. A legend is always drawn.
 */
import { Resvg } from '@resvg/resvg-js';
import {
  escapeXml,
  fontFamily,
  resvgFontOptions,
  textOutline,
  textWidth,
  truncate,
} from './svg.ts';

export type HeatmapCell =
  'not_started' | 'started' | 'in_progress' | 'achieved' | 'skipped' | 'none';

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

/** The legend's order: the scale, then the two values outside it. */
export const heatmapScale: readonly HeatmapCell[] = [
  'not_started',
  'started',
  'in_progress',
  'achieved',
  'skipped',
  'none',
];

interface CellLook {
  /** The flat colour; also what the mark's ink is chosen against. */
  colour: string;
  mark: string;
  hatched?: boolean;
  outline?: string;
}

// Blues 5-class minus its palest step: greyscale luminance ≈ 91 %, 76 %, 53 %, 30 %.
const looks: Record<HeatmapCell, CellLook> = {
  not_started: { colour: '#deebf7', mark: '0' },
  started: { colour: '#9ecae1', mark: '1' },
  in_progress: { colour: '#4292c6', mark: '2' },
  achieved: { colour: '#08519c', mark: '3' },
  skipped: { colour: '#f0f0f0', mark: '–', hatched: true },
  none: { colour: '#ffffff', mark: '', outline: '#a8a8a8' },
};

const cell = { width: 28, height: 22 };
const padding = 24;
const minWidth = 640;
/** Past this the legend wraps rather than widening the picture further. */
const maxLegendLine = 900;
const size = { title: 16, subtitle: 12, row: 12, column: 11, mark: 11, legend: 12, key: 11 };
const limit = { title: 120, row: 40, column: 24, legend: 40, key: 80 };
const hatchId = 'tasa-hatch';
const ink = '#1a1a1a';
const muted = '#555555';
const band = '#f2f2f2';

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

interface Layout {
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

export function heatmapSvg(input: HeatmapInput): string {
  check(input);
  const layout = layOut(input);
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}" role="img">`,
    `<title>${escapeXml(layout.title.text)}</title>`,
    '<defs>',
    `<pattern id="${hatchId}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${looks.skipped.colour}"/><rect width="1.5" height="6" fill="#9a9a9a"/></pattern>`,
    ...markDefs(),
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...drawTitles(layout),
    ...drawColumns(layout),
    ...drawGrid(layout, input.cells),
    ...drawLegend(layout),
    ...drawKey(layout),
    '</svg>',
    '',
  ].join('\n');
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

/** The picture as PNG, at 1 px per SVG unit. */
export function renderHeatmapPng(input: HeatmapInput): {
  png: Uint8Array;
  width: number;
  height: number;
} {
  const image = new Resvg(heatmapSvg(input), {
    font: resvgFontOptions,
    fitTo: { mode: 'original' },
    background: '#ffffff',
    logLevel: 'off',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** A mismatched table would silently paint ratings on the wrong department. */
function check(input: HeatmapInput): void {
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

function layOut(input: HeatmapInput): Layout {
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

function drawTitles({ title, subtitle }: Layout): string[] {
  const lines = [
    `<text x="${padding}" y="${title.y}" font-size="${size.title}" font-weight="bold" fill="${ink}">${escapeXml(title.text)}</text>`,
  ];
  if (subtitle) {
    lines.push(
      `<text x="${padding}" y="${subtitle.y}" font-size="${size.subtitle}" fill="${muted}">${escapeXml(subtitle.text)}</text>`,
    );
  }
  return lines;
}

function drawColumns({ columns, grid }: Layout): string[] {
  return columns.labels.map((label, c) => {
    const centre = grid.x + c * cell.width + cell.width / 2;
    const text = escapeXml(label);
    const font = `font-size="${size.column}" font-weight="bold" fill="${ink}"`;
    return columns.rotated
      ? `<text transform="translate(${centre + 4} ${columns.y + 3}) rotate(-90)" ${font}>${text}</text>`
      : `<text x="${centre}" y="${columns.y}" text-anchor="middle" ${font}>${text}</text>`;
  });
}

function drawGrid({ grid }: Layout, cells: HeatmapCell[][]): string[] {
  const columns = cells[0]?.length ?? 0;
  const lines: string[] = [];
  cells.forEach((row, r) => {
    const top = grid.y + r * cell.height;
    // Every other row is banded so a long row can be followed across on paper.
    if (r % 2 === 1) {
      lines.push(
        `<rect x="${padding - 4}" y="${top}" width="${grid.x - padding + 4 + columns * cell.width + 4}" height="${cell.height}" fill="${band}"/>`,
      );
    }
    lines.push(
      `<text x="${grid.x - 8}" y="${top + 15}" text-anchor="end" font-size="${size.row}" fill="${ink}">${escapeXml(grid.labels[r] ?? '')}</text>`,
    );
    row.forEach((value, c) => {
      const x = grid.x + c * cell.width;
      lines.push(swatch(value, x, top));
      if (looks[value].mark) {
        lines.push(
          `<use href="#${markId(value)}" x="${x + cell.width / 2}" y="${top + 15}" fill="${markInk(value)}"/>`,
        );
      }
    });
  });
  return lines;
}

function drawLegend({ legend }: Layout): string[] {
  return legend.flatMap(({ word, value, x, y }) => {
    const { mark } = looks[value];
    const items = [swatch(value, x, y)];
    // Real text here, so the SVG itself says which mark means what.
    if (mark) {
      items.push(
        `<text x="${x + cell.width / 2}" y="${y + 15}" text-anchor="middle" font-size="${size.mark}" font-weight="bold" fill="${markInk(value)}">${mark}</text>`,
      );
    }
    items.push(
      `<text x="${x + cell.width + 6}" y="${y + 15}" font-size="${size.legend}" fill="${ink}">${escapeXml(word)}</text>`,
    );
    return items;
  });
}

function drawKey({ key }: Layout): string[] {
  return key.map(
    ({ text, x, y }) =>
      `<text x="${x}" y="${y}" font-size="${size.key}" fill="${muted}">${escapeXml(text)}</text>`,
  );
}

/** A cell's square, 1 px inside its slot so neighbours stay apart in greyscale. */
function swatch(value: HeatmapCell, x: number, y: number): string {
  const look = looks[value];
  const w = cell.width - 2;
  const h = cell.height - 2;
  if (look.outline) {
    // The half pixel keeps a 1 px outline crisp instead of smeared over two.
    return `<rect x="${x + 1.5}" y="${y + 1.5}" width="${w - 1}" height="${h - 1}" fill="${look.colour}" stroke="${look.outline}" stroke-width="1"/>`;
  }
  if (look.hatched) {
    // A plain plate under the mark: hatching straight through a dash hides it.
    return (
      `<rect x="${x + 1}" y="${y + 1}" width="${w}" height="${h}" fill="url(#${hatchId})"/>` +
      `<rect x="${x + 8}" y="${y + 5}" width="${cell.width - 16}" height="${cell.height - 10}" rx="2" fill="${look.colour}"/>`
    );
  }
  return `<rect x="${x + 1}" y="${y + 1}" width="${w}" height="${h}" fill="${look.colour}"/>`;
}

const markId = (value: HeatmapCell): string => `tasa-mark-${value}`;

/** Each mark outlined once; cells <use> it (see textOutline for why). */
function markDefs(): string[] {
  return heatmapScale
    .filter((value) => looks[value].mark)
    .map(
      (value) =>
        `<path id="${markId(value)}" d="${textOutline(looks[value].mark, size.mark, 'bold')}"/>`,
    );
}

/** Black or white, whichever contrasts more with the cell (WCAG 2 ratio). */
function markInk(value: HeatmapCell): string {
  const l = luminance(looks[value].colour);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
