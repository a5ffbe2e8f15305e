import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { heatmapScale, type HeatmapCell } from '../../src/reports/heatmap-cells.ts';
import { heatmapLayout, type Box, type HeatmapInput } from '../../src/reports/heatmap-layout.ts';
import { heatmapSvg, renderHeatmapPng } from '../../src/reports/heatmap.ts';
import { resvgFontOptions } from '../../src/reports/svg.ts';

const outputDir = join(dirname(fileURLToPath(import.meta.url)), 'output');

const legend: Record<HeatmapCell, string> = {
  not_started: 'Not started',
  started: 'Started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  skipped: 'Skipped',
  none: 'No rating yet',
};

/** 3 × 4, every value at least once, names that need escaping. */
const small: HeatmapInput = {
  title: "Self-assessment 2027-Q1 — departments' own ratings",
  subtitle: 'City of Helsinki · 12 March 2027',
  departments: [
    'Education & <Culture>',
    'Urban Environment Division, Building Control and Real Estate Services',
    'Social Services, Health Care and Rescue',
  ],
  keyFactors: [
    { id: 'KF01', label: '1' },
    { id: 'KF02', label: '2' },
    { id: 'KF03', label: '3' },
    { id: 'KF04', label: '4' },
  ],
  keyFactorTitles: [
    '1 Public commitment',
    '2 Responsible persons & resources',
    '3 Data collection and monitoring',
    '4 Consultation and participation',
  ],
  cells: [
    ['not_started', 'started', 'in_progress', 'achieved'],
    ['skipped', 'none', 'achieved', 'started'],
    ['achieved', 'in_progress', 'not_started', 'skipped'],
  ],
  legend,
};

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function ihdr(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function pixels(input: HeatmapInput) {
  const image = new Resvg(heatmapSvg(input), { font: resvgFontOptions }).render();
  const data = image.pixels;
  const at = (x: number, y: number): [number, number, number] => {
    const i = (Math.floor(y) * image.width + Math.floor(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return { at, width: image.width };
}

const grey = ([r, g, b]: [number, number, number]): number =>
  (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

/** The fill beside the mark: centre height, a quarter in from the left edge. */
const fillPoint = (box: Box): [number, number] => [box.x + 6, box.y + box.height / 2];

describe('heatmap picture', () => {
  it('renders a PNG whose size is the reported size and the layout size', () => {
    const { png, width, height } = renderHeatmapPng(small);
    expect([...png.subarray(0, 8)]).toEqual(pngSignature);
    expect(ihdr(png)).toEqual({ width, height });
    const layout = heatmapLayout(small);
    expect({ width, height }).toEqual({ width: layout.width, height: layout.height });
    expect(heatmapSvg(small)).toContain(`width="${width}" height="${height}"`);
    expect(width).toBeGreaterThanOrEqual(640);

    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, 'heatmap.png'), png);
  });

  it('grows by one cell height per department', () => {
    const more = {
      ...small,
      departments: [...small.departments, 'Mayor’s office'],
      cells: [...small.cells, ['achieved', 'achieved', 'achieved', 'achieved'] as HeatmapCell[]],
    };
    const delta = heatmapLayout(more).height - heatmapLayout(small).height;
    expect(delta).toBe(heatmapLayout(small).cell(1, 0).y - heatmapLayout(small).cell(0, 0).y);
  });

  it('draws the legend words and the marks that let it read without colour', () => {
    const svg = heatmapSvg(small);
    for (const value of heatmapScale) expect(svg).toContain(`>${legend[value]}</text>`);
    for (const mark of ['0', '1', '2', '3', '–']) expect(svg).toContain(`>${mark}</text>`);
    // Every rated or skipped cell carries its mark; unrated cells stay empty.
    const marked = small.cells.flat().filter((value) => value !== 'none').length;
    expect(svg.match(/<use href="#tasa-mark-/g)).toHaveLength(marked);
    expect(svg).not.toContain('#tasa-mark-none');
    // The legend follows the scale, light to dark, then skipped and none.
    const positions = heatmapScale.map((value) => svg.indexOf(`>${legend[value]}</text>`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const title of small.keyFactorTitles!) expect(svg).toContain(title.replace('&', '&amp;'));
  });

  it('escapes names from configuration, and the SVG still parses', () => {
    const tricky: HeatmapInput = {
      ...small,
      title: 'R&D <script>alert("x")</script>',
      departments: ['A & B <Dept> "quoted" \'single\'', 'Tab\there\u0001', 'C > D'],
      legend: { ...legend, none: 'Not <yet> & never' },
    };
    const svg = heatmapSvg(tricky);
    expect(svg).toContain('A &amp; B &lt;Dept&gt; &quot;quoted&quot; &apos;single&apos;');
    expect(svg).toContain('R&amp;D &lt;script&gt;');
    expect(svg).toContain('Not &lt;yet&gt; &amp; never');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<Dept>');
    const image = new Resvg(svg, { font: resvgFontOptions }).render();
    expect(image.width).toBe(heatmapLayout(tricky).width);
  });

  it('cuts very long department names with an ellipsis', () => {
    const svg = heatmapSvg(small);
    const label = /> ?(Urban Environment[^<]*)<\/text>/.exec(svg)?.[1];
    expect(label).toBe('Urban Environment Division, Building Co…');
    expect(Array.from(label!)).toHaveLength(40);
  });

  it('colours an achieved cell differently from a not-started one, dark over light', () => {
    const layout = heatmapLayout(small);
    const { at } = pixels(small);
    const notStarted = at(...fillPoint(layout.cell(0, 0)));
    const achieved = at(...fillPoint(layout.cell(0, 3)));
    expect(achieved).not.toEqual(notStarted);
    // The centres differ too (mark and fill).
    const centre = (box: Box) => at(box.x + box.width / 2, box.y + box.height / 2);
    expect(centre(layout.cell(0, 3))).not.toEqual(centre(layout.cell(0, 0)));
    // The four ratings stay apart in greyscale, light to dark.
    const greys = [0, 1, 2, 3].map((c) => grey(at(...fillPoint(layout.cell(0, c)))));
    for (let i = 1; i < greys.length; i++) {
      expect(greys[i - 1]! - greys[i]!).toBeGreaterThan(0.1);
    }
  });

  it('paints the legend', () => {
    const { legend: box } = heatmapLayout(small);
    const { at } = pixels(small);
    let inked = 0;
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) if (grey(at(x, y)) < 0.9) inked++;
    }
    expect(box.width).toBeGreaterThan(0);
    expect(inked / (box.width * box.height)).toBeGreaterThan(0.05);
  });

  it('leaves out the key when there are no key factor titles', () => {
    const withoutKey = { ...small, keyFactorTitles: undefined };
    expect(heatmapSvg(withoutKey)).not.toContain('Public commitment');
    expect(heatmapLayout(withoutKey).height).toBeLessThan(heatmapLayout(small).height);
  });

  it('is deterministic', () => {
    expect(heatmapSvg(small)).toBe(heatmapSvg(structuredClone(small)));
    expect(Buffer.from(renderHeatmapPng(small).png)).toEqual(
      Buffer.from(renderHeatmapPng(structuredClone(small)).png),
    );
  });

  it('refuses cells that do not match the departments and key factors', () => {
    expect(() => heatmapSvg({ ...small, cells: small.cells.slice(1) })).toThrow(RangeError);
    expect(() => heatmapSvg({ ...small, cells: [['achieved'], ...small.cells.slice(1)] })).toThrow(
      RangeError,
    );
  });

  it('renders 250 departments × 11 key factors in under two seconds', () => {
    const keyFactors = Array.from({ length: 11 }, (_, i) => ({
      id: `KF${String(i + 1).padStart(2, '0')}`,
      label: String(i + 1),
    }));
    const departments = Array.from({ length: 250 }, (_, i) => `Department ${i + 1} of the city`);
    const big: HeatmapInput = {
      title: 'Self-assessment 2027-Q1',
      departments,
      keyFactors,
      cells: departments.map((_, r) => keyFactors.map((_, c) => heatmapScale[(r + c) % 6]!)),
      legend,
    };
    const started = performance.now();
    const { png, width, height } = renderHeatmapPng(big);
    const elapsed = performance.now() - started;
    expect(ihdr(png)).toEqual({ width, height });
    expect(height).toBeGreaterThan(250 * 22);
    expect(heatmapLayout(big).cell(249, 10).y).toBeLessThan(height);
    expect(elapsed).toBeLessThan(2000);
  });
});
