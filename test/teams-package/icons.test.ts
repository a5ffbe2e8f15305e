import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawColorIcon, drawOutlineIcon } from '../../manifests/teams/tools/draw-icons.ts';
import { iconProblems } from '../../manifests/teams/tools/icon-checks.ts';
import {
  decodePng,
  encodePng,
  readPngHeader,
  type RgbaImage,
} from '../../manifests/teams/tools/png.ts';

const icon = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../manifests/teams/${name}`, import.meta.url)));

function solid(size: number, rgba: readonly number[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < pixels.length; i += 4) pixels.set(rgba, i);
  return { width: size, height: size, pixels };
}

describe('the checked-in icons', () => {
  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect(readPngHeader(icon('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(icon('outline.png'))).toMatchObject({ width: 32, height: 32 });
  });

  it('outline: only white and fully transparent pixels, and both kinds', () => {
    const { pixels } = decodePng(icon('outline.png'));
    const kinds = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = pixels.subarray(i, i + 4);
      if (a === 0) kinds.add('transparent');
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        kinds.add('white');
      }
    }
    expect([...kinds].sort()).toEqual(['transparent', 'white']);
  });

  it('colour: dark teal #1d4e5f with a white mark', () => {
    const { pixels, width } = decodePng(icon('color.png'));
    const at = (x: number, y: number) => [
      ...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4),
    ];
    expect(at(20, 96)).toEqual([0x1d, 0x4e, 0x5f, 255]);
    expect(at(96, 76)).toEqual([255, 255, 255, 255]);
  });

  it('pass the packaging checks', () => {
    expect(iconProblems('color', 'color.png', icon('color.png'))).toEqual([]);
    expect(iconProblems('outline', 'outline.png', icon('outline.png'))).toEqual([]);
  });

  it('are what manifests/teams/tools/icons.ts draws (run it after changing the drawing)', () => {
    expect(encodePng(drawColorIcon()).equals(icon('color.png'))).toBe(true);
    expect(encodePng(drawOutlineIcon()).equals(icon('outline.png'))).toBe(true);
  });
});

describe('icons Teams would refuse', () => {
  it('a wrong size', () => {
    expect(iconProblems('outline', 'outline.png', icon('color.png'))).toEqual([
      'outline.png: the outline icon must be 32×32 pixels (found 192×192)',
    ]);
    expect(iconProblems('color', 'color.png', icon('outline.png'))).toEqual([
      'color.png: the color icon must be 192×192 pixels (found 32×32)',
    ]);
  });

  it('an outline with colour, or without transparency', () => {
    const teal = solid(32, [0x1d, 0x4e, 0x5f, 255]);
    expect(iconProblems('outline', 'outline.png', encodePng(teal))).toEqual([
      'outline.png: the outline icon has no transparent pixels; its background must be transparent',
      'outline.png: 1024 pixels are neither white nor transparent (the first at x=0, y=0: #1d4e5fff); the outline icon must be white on a transparent background',
    ]);
  });

  it('a file that is not a PNG', () => {
    expect(iconProblems('color', 'color.png', Buffer.from('GIF89a'))).toEqual([
      'color.png: not a PNG file',
    ]);
  });
});

/** A PNG with the given colour type and one row filter per row, as image editors write them. */
function filteredPng(image: RgbaImage, colorType: 2 | 6, filters: readonly number[]): Buffer {
  const channels = colorType === 6 ? 4 : 3;
  const stride = image.width * channels;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < image.height; y++) {
    const row = new Uint8Array(stride);
    for (let x = 0; x < image.width; x++)
      row.set(
        image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + channels),
        x * channels,
      );
    rows.push(row);
  }
  const raw: number[] = [];
  rows.forEach((row, y) => {
    const filter = filters[y % filters.length]!;
    raw.push(filter);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = y > 0 ? rows[y - 1]![x]! : 0;
      const c = x >= channels && y > 0 ? rows[y - 1]![x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw.push((row[x]! - predictor) & 0xff);
    }
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the PNG decoder', () => {
  it('undoes every row filter', () => {
    const image = drawColorIcon();
    expect(decodePng(filteredPng(image, 6, [0, 1, 2, 3, 4])).pixels).toEqual(image.pixels);
    expect(decodePng(filteredPng(image, 6, [4, 3, 2, 1])).pixels).toEqual(image.pixels);
  });

  it('reads RGB without alpha as opaque, so such an outline is refused', () => {
    const png = filteredPng(drawOutlineIcon(), 2, [1]);
    expect(iconProblems('outline', 'outline.png', png)).toEqual([
      'outline.png: the outline icon has no transparent pixels; its background must be transparent',
    ]);
  });

  it('finds a damaged chunk', () => {
    const png = Buffer.from(icon('outline.png'));
    png[45] = png[45]! ^ 0xff;
    expect(() => decodePng(png)).toThrow(/CRC mismatch/);
  });
});
