/**
 * How one cell of the digest's heatmap looks. The picture is printed, often in
 * greyscale, and some readers are colour-blind, so colour is never the only
 * carrier: the four ratings run light → dark on one blue hue (ColorBrewer Blues,
 * no red/green), every cell also carries a mark (0–3, – for skipped), skipped
 * cells are hatched, and unrated cells are empty outlines.
 */
import { textOutline } from './svg.ts';

export type HeatmapCell =
  'not_started' | 'started' | 'in_progress' | 'achieved' | 'skipped' | 'none';

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
export const looks: Record<HeatmapCell, CellLook> = {
  not_started: { colour: '#deebf7', mark: '0' },
  started: { colour: '#9ecae1', mark: '1' },
  in_progress: { colour: '#4292c6', mark: '2' },
  achieved: { colour: '#08519c', mark: '3' },
  skipped: { colour: '#f0f0f0', mark: '–', hatched: true },
  none: { colour: '#ffffff', mark: '', outline: '#a8a8a8' },
};

export const cell = { width: 28, height: 22 };
export const size = { title: 16, subtitle: 12, row: 12, column: 11, mark: 11, legend: 12, key: 11 };
export const hatchId = 'tasa-hatch';

/** A cell's square, 1 px inside its slot so neighbours stay apart in greyscale. */
export function swatch(value: HeatmapCell, x: number, y: number): string {
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

export const markId = (value: HeatmapCell): string => `tasa-mark-${value}`;

/** Each mark outlined once; cells <use> it (see textOutline for why). */
export function markDefs(): string[] {
  return heatmapScale
    .filter((value) => looks[value].mark)
    .map(
      (value) =>
        `<path id="${markId(value)}" d="${textOutline(looks[value].mark, size.mark, 'bold')}"/>`,
    );
}

/** Black or white, whichever contrasts more with the cell (WCAG 2 ratio). */
export function markInk(value: HeatmapCell): string {
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
