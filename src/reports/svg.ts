/**
 * The small toolkit the report pictures share: XML-safe text, the fonts they
 * are drawn with, and text widths for laying them out.
 *
 * Pictures are rendered with the DejaVu files from the npm package only (never
 * system fonts), so the same input gives the same bytes on every machine, and
 * widths can be read straight from those files instead of guessed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

// Resolved from the package, not from cwd: the bot runs from anywhere.
const fontDir = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const fontPaths = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

export type FontWeight = keyof typeof fontPaths;

/** The family named in the SVG; a viewer without DejaVu falls back to any sans. */
export const fontFamily = "'DejaVu Sans', sans-serif";

export const resvgFontOptions: NonNullable<ResvgRenderOptions['font']> = {
  fontFiles: [fontPaths.regular, fontPaths.bold],
  loadSystemFonts: false,
  defaultFontFamily: 'DejaVu Sans',
};

// Characters XML 1.0 forbids even when escaped; a stray one from a config
// file would make the whole picture unparseable.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One line of text, at most `max` characters (code points), ending in … when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

const outlines = new Map<string, string>();

/**
 * The outline of a short text as path data, centred on x = 0 with its
 * baseline on y = 0, drawn by resvg from the same font files. Reused through
 * <use>, it spares resvg laying out the same mark in thousands of cells,
 * which was half the time of a 250-row picture.
 */
export function textOutline(text: string, size: number, weight: FontWeight = 'regular'): string {
  const key = `${weight}:${size}:${text}`;
  let outline = outlines.get(key);
  if (outline === undefined) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text text-anchor="middle" font-size="${size}" font-weight="${weight === 'bold' ? 'bold' : 'normal'}">${escapeXml(text)}</text></svg>`;
    // resvg's own serialisation has every glyph already turned into a path.
    const tree = new Resvg(svg, { font: resvgFontOptions }).toString();
    outline = [...tree.matchAll(/<path [^>]*\bd="([^"]*)"/g)].map((m) => m[1]).join(' ');
    outlines.set(key, outline);
  }
  return outline;
}

interface Metrics {
  unitsPerEm: number;
  glyphOf: (codePoint: number) => number;
  advanceOf: (glyph: number) => number;
}

const metricsCache = new Map<FontWeight, Metrics>();

/**
 * The width of one line of text in px: the sum of the glyph advances. Kerning
 * is left out, so this errs a pixel or two wide, which layout can afford.
 * (Measuring with resvg itself shapes every glyph and costs ~0.4 s for 250 names.)
 */
export function textWidth(text: string, size: number, weight: FontWeight = 'regular'): number {
  let metrics = metricsCache.get(weight);
  if (!metrics) {
    metrics = readMetrics(readFileSync(fontPaths[weight]));
    metricsCache.set(weight, metrics);
  }
  let units = 0;
  for (const char of text) units += metrics.advanceOf(metrics.glyphOf(char.codePointAt(0) ?? 0));
  return (units * size) / metrics.unitsPerEm;
}

/** Reads just enough of a TrueType file for advances: head, hhea, hmtx and cmap. */
function readMetrics(file: Buffer): Metrics {
  const tables = new Map<string, number>();
  for (let i = 0, n = file.readUInt16BE(4); i < n; i++) {
    const record = 12 + i * 16;
    tables.set(file.toString('latin1', record, record + 4), file.readUInt32BE(record + 8));
  }
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = file.readUInt16BE(at('head') + 18);
  const longMetrics = file.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  // Glyphs past the long metrics share the last advance (TrueType spec).
  const advanceOf = (glyph: number): number =>
    file.readUInt16BE(hmtx + 4 * Math.min(glyph, longMetrics - 1));
  return { unitsPerEm, advanceOf, glyphOf: format4Lookup(file, at('cmap')) };
}

/** The Windows Unicode BMP subtable (3,1), format 4; outside it, glyph 0 (.notdef). */
function format4Lookup(file: Buffer, cmap: number): (codePoint: number) => number {
  let sub = -1;
  for (let i = 0, n = file.readUInt16BE(cmap + 2); i < n; i++) {
    const record = cmap + 4 + i * 8;
    if (file.readUInt16BE(record) === 3 && file.readUInt16BE(record + 2) === 1) {
      sub = cmap + file.readUInt32BE(record + 4);
    }
  }
  if (sub < 0 || file.readUInt16BE(sub) !== 4) throw new Error('font has no format 4 cmap');
  const segments = file.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const known = new Map<number, number>();
  const lookup = (codePoint: number): number => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > file.readUInt16BE(ends + 2 * s)) continue;
      const start = file.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = file.readUInt16BE(deltas + 2 * s);
      const rangeOffset = file.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = file.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  return (codePoint) => {
    let glyph = known.get(codePoint);
    if (glyph === undefined) known.set(codePoint, (glyph = lookup(codePoint)));
    return glyph;
  };
}
