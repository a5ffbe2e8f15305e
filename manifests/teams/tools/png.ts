/**
 * Just enough PNG to draw Tasa's two Teams icons and to check icons someone
 * else drew: an RGBA encoder, and a decoder for 8-bit, non-interlaced images
 * (what image editors write for icons). node:zlib has deflate and crc32, so no
 * image library is needed for two small files.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** Straight (not premultiplied) RGBA, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const colorTypeRgba = 6;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  // The CRC covers the chunk type and its data, not the length.
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('encodePng: pixels do not match size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colorTypeRgba, 0, 0, 0], 8); // depth, colour type, compression, filter, interlace
  // Each row starts with its filter type; 0 (none) keeps the encoder trivial.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++)
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('the PNG file is cut short');
    const type = png.toString('latin1', at + 4, at + 8);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(end - 4))
      throw new Error(`the PNG chunk ${type} is damaged (CRC mismatch)`);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    if (type === 'IEND') return chunks;
    at = end;
  }
  throw new Error('the PNG file has no IEND chunk');
}

function headerOf(chunks: readonly Chunk[]): PngHeader {
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13)
    throw new Error('the PNG file does not start with IHDR');
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data.readUInt8(8),
    colorType: ihdr.data.readUInt8(9),
    interlaced: ihdr.data.readUInt8(12) !== 0,
  };
}

/** Width, height and format from IHDR; throws with the reason when it is not a PNG. */
export function readPngHeader(png: Buffer): PngHeader {
  return headerOf(readChunks(png));
}

const channelsOf: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const predictors: readonly ((a: number, b: number, c: number) => number)[] = [
  () => 0, // None
  (a) => a, // Sub: the byte to the left
  (_a, b) => b, // Up: the byte above
  (a, b) => (a + b) >> 1, // Average
  paeth,
];

/** Undoes the per-row filters (PNG specification, section 9), returning the bare rows. */
function unfilter(data: Buffer, height: number, stride: number, bpp: number): Buffer {
  const out = Buffer.alloc(height * stride);
  if (data.length < height * (stride + 1)) throw new Error('the PNG image data is cut short');
  for (let y = 0; y < height; y++) {
    const filter = data.readUInt8(y * (stride + 1));
    const predict = predictors[filter];
    if (!predict) throw new Error(`unknown PNG row filter ${String(filter)}`);
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out.readUInt8(row + x - bpp) : 0;
      const b = y > 0 ? out.readUInt8(row - stride + x) : 0;
      const c = x >= bpp && y > 0 ? out.readUInt8(row - stride + x - bpp) : 0;
      out.writeUInt8((data.readUInt8(y * (stride + 1) + 1 + x) + predict(a, b, c)) & 0xff, row + x);
    }
  }
  return out;
}

/** One pixel's RGBA from its samples, per colour type, with tRNS transparency applied. */
function toRgba(
  colorType: number,
  sample: (channel: number) => number,
  palette: Buffer | undefined,
  trns: Buffer | undefined,
): [number, number, number, number] {
  switch (colorType) {
    case 6:
      return [sample(0), sample(1), sample(2), sample(3)];
    case 4:
      return [sample(0), sample(0), sample(0), sample(1)];
    case 3: {
      const index = sample(0);
      if (!palette || index * 3 + 2 >= palette.length)
        throw new Error('the PNG palette is missing or short');
      const alpha = trns && index < trns.length ? trns.readUInt8(index) : 255;
      return [...palette.subarray(index * 3, index * 3 + 3), alpha] as [
        number,
        number,
        number,
        number,
      ];
    }
    default: {
      const [r, g, b] =
        colorType === 2 ? [sample(0), sample(1), sample(2)] : [sample(0), sample(0), sample(0)];
      // Here tRNS names one colour (as 16-bit samples) that is fully transparent.
      const keyed =
        trns !== undefined &&
        (colorType === 2
          ? trns.length >= 6 &&
            trns.readUInt16BE(0) === r &&
            trns.readUInt16BE(2) === g &&
            trns.readUInt16BE(4) === b
          : trns.length >= 2 && trns.readUInt16BE(0) === r);
      return [r, g, b, keyed ? 0 : 255];
    }
  }
}

/**
 * Decodes an 8-bit, non-interlaced PNG of any colour type to RGBA, applying
 * tRNS transparency. Other PNGs are refused with a reason rather than guessed at.
 */
export function decodePng(png: Buffer): RgbaImage {
  const chunks = readChunks(png);
  const { width, height, bitDepth, colorType, interlaced } = headerOf(chunks);
  const channels = channelsOf[colorType];
  if (channels === undefined) throw new Error(`unknown PNG colour type ${String(colorType)}`);
  if (bitDepth !== 8 || interlaced)
    throw new Error(
      `only 8-bit, non-interlaced PNGs can be checked (this one: ${String(bitDepth)}-bit${interlaced ? ', interlaced' : ''})`,
    );
  const rows = unfilter(
    inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))),
    height,
    width * channels,
    channels,
  );
  const palette = chunks.find((c) => c.type === 'PLTE')?.data;
  const trns = chunks.find((c) => c.type === 'tRNS')?.data;
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const sample = (channel: number) => rows.readUInt8(i * channels + channel);
    pixels.set(toRgba(colorType, sample, palette, trns), i * 4);
  }
  return { width, height, pixels };
}
