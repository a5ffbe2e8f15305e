/**
 * Icons as other editors save them: palettes of a few bits, greyscale, 16-bit
 * samples, interlacing. These files are put together byte by byte from the PNG
 * specification, not by the encoder under test; only the interlaced one comes
 * from fast-png, as Adam7 by hand would outweigh the rest of this file.
 */
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { drawOutlineIcon } from '../../manifests/teams/tools/draw-icons.ts';
import { iconProblems } from '../../manifests/teams/tools/icon-checks.ts';
import { decodePng } from '../../manifests/teams/tools/png.ts';

interface Raw {
  readonly width: number;
  readonly height: number;
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  readonly depth: 1 | 2 | 4 | 8 | 16;
  /** Each pixel's samples, as stored (palette indexes for colour type 3). */
  readonly samples: (x: number, y: number) => readonly number[];
  readonly palette?: readonly (readonly [number, number, number])[];
  readonly trns?: readonly number[];
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Samples under 8 bits packed high bit first, each row padded to a whole byte, filter 0. */
function rawPng(png: Raw): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++) {
    rows.push(0);
    let byte = 0;
    let bits = 0;
    for (let x = 0; x < png.width; x++)
      for (const value of png.samples(x, y)) {
        if (png.depth === 16) rows.push(value >> 8, value & 0xff);
        else if (png.depth === 8) rows.push(value);
        else {
          byte = (byte << png.depth) | value;
          bits += png.depth;
          if (bits === 8) {
            rows.push(byte);
            byte = 0;
            bits = 0;
          }
        }
      }
    if (bits > 0) rows.push(byte << (8 - bits));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(png.width, 0);
  header.writeUInt32BE(png.height, 4);
  header.set([png.depth, png.colorType, 0, 0, 0], 8);
  const trns = png.trns
    ? png.colorType === 3
      ? Buffer.from(png.trns)
      : Buffer.from(png.trns.flatMap((v) => [v >> 8, v & 0xff]))
    : undefined;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(png.palette ? [chunk('PLTE', Buffer.from(png.palette.flat()))] : []),
    ...(trns ? [chunk('tRNS', trns)] : []),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgba = (png: Buffer) => {
  const { width, pixels } = decodePng(png);
  return (x: number, y: number) => [
    ...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4),
  ];
};

/** A 32×32 outline: a 2-pixel frame of index 1 on index 0. */
const frame = (x: number, y: number) => [x < 2 || y < 2 || x > 29 || y > 29 ? 1 : 0];

describe('a 2-bit palette icon', () => {
  it('is accepted as an outline: white and a transparent palette entry', () => {
    const png = rawPng({
      width: 32,
      height: 32,
      colorType: 3,
      depth: 2,
      samples: frame,
      palette: [
        [255, 255, 255],
        [255, 255, 255],
      ],
      trns: [0],
    });
    expect(iconProblems('outline', 'outline.png', png)).toEqual([]);
    const at = rgba(png);
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(at(16, 16)).toEqual([255, 255, 255, 0]);
  });

  it('is refused as an outline when an entry past the tRNS values is coloured, naming the first pixel', () => {
    const png = rawPng({
      width: 32,
      height: 32,
      colorType: 3,
      depth: 2,
      samples: (x, y) => (x === 5 && y === 3 ? [2] : frame(x, y)),
      palette: [
        [255, 255, 255],
        [255, 255, 255],
        [0x1d, 0x4e, 0x5f],
      ],
      trns: [0],
    });
    expect(iconProblems('outline', 'outline.png', png)).toEqual([
      'outline.png: 1 pixels are neither white nor transparent (the first at x=5, y=3: #1d4e5fff); the outline icon must be white on a transparent background',
    ]);
  });

  it('is read right when its rows end mid-byte', () => {
    const palette = [
      [10, 20, 30],
      [40, 50, 60],
      [70, 80, 90],
      [100, 110, 120],
    ] as const;
    const index = (x: number, y: number) => (x + y) % 4;
    const at = rgba(
      rawPng({
        width: 5,
        height: 3,
        colorType: 3,
        depth: 2,
        samples: (x, y) => [index(x, y)],
        palette,
      }),
    );
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 5; x++) expect(at(x, y)).toEqual([...palette[index(x, y)]!, 255]);
  });
});

describe('other valid PNGs', () => {
  it('4-bit greyscale, with tRNS naming the transparent grey', () => {
    const at = rgba(
      rawPng({
        width: 3,
        height: 1,
        colorType: 0,
        depth: 4,
        samples: (x) => [[0, 15, 5][x]!],
        trns: [5],
      }),
    );
    expect([at(0, 0), at(1, 0), at(2, 0)]).toEqual([
      [0, 0, 0, 255],
      [255, 255, 255, 255],
      [85, 85, 85, 0],
    ]);
  });

  it('16-bit greyscale with alpha and 16-bit RGBA', () => {
    const grey = rgba(
      rawPng({ width: 1, height: 1, colorType: 4, depth: 16, samples: () => [0xffff, 0x8080] }),
    );
    expect(grey(0, 0)).toEqual([255, 255, 255, 128]);
    const colour = rgba(
      rawPng({
        width: 1,
        height: 1,
        colorType: 6,
        depth: 16,
        samples: () => [0x1d1d, 0x4e4e, 0x5f5f, 0xffff],
      }),
    );
    expect(colour(0, 0)).toEqual([0x1d, 0x4e, 0x5f, 255]);
  });

  it('interlaced (Adam7)', () => {
    const image = drawOutlineIcon();
    const png = Buffer.from(
      encode({ ...image, data: image.pixels, depth: 8, channels: 4 }, { interlace: 'Adam7' }),
    );
    expect(png[28]).toBe(1); // IHDR's interlace method
    expect(decodePng(png).pixels).toEqual(image.pixels);
    expect(iconProblems('outline', 'outline.png', png)).toEqual([]);
  });
});
