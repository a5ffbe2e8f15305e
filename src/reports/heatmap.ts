/**
 * The digest's picture: departments × key factors, each cell the department's
 * own rating of the key factor. The steering group prints it, often in greyscale:
 * how a cell stays readable is in heatmap-cells.ts, and a legend is always drawn.
 */
import { Resvg } from '@resvg/resvg-js';
import {
  cell,
  hatchId,
  looks,
  markDefs,
  markId,
  markInk,
  size,
  swatch,
  type HeatmapCell,
} from './heatmap-cells.ts';
import { check, layOut, padding, type HeatmapInput, type Layout } from './heatmap-layout.ts';
import { escapeXml, fontFamily, resvgFontOptions } from './svg.ts';

const ink = '#1a1a1a';
const muted = '#555555';
const band = '#f2f2f2';

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
