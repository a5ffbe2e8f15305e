/**
 * PNG through fast-png: an RGBA encoder for drawing Tasa's icons, and a
 * decoder that turns any valid PNG (every colour type and bit depth,
 * palettes, tRNS transparency, interlacing) into 8-bit RGBA, so an icon
 * someone else drew is checked by its pixels whatever format their editor chose.
 */
import { crc32 } from 'node:zlib';
import { decode, encode, hasPngSignature, type DecodedPng } from 'fast-png';

/** Straight (not premultiplied) RGBA, 4 bytes per pixel, rows top to bottom. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
}

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('encodePng: pixels do not match size');
  const png = encode(
    { width, height, data: pixels, depth: 8, channels: 4 },
    { zlib: { level: 9 } },
  );
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * fast-png inflates a chunk before it checks the chunk's CRC, so a damaged
 * IDAT would only show as a deflate error; this names the damage instead.
 */
function checkCrcs(png: Uint8Array): void {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 12 <= png.length;) {
    const end = at + 12 + view.getUint32(at);
    if (end > png.length) return; // cut short: fast-png says so
    const type = Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1');
    if (crc32(png.subarray(at + 4, end - 4)) !== view.getUint32(end - 4))
      throw new Error(`the PNG chunk ${type} is damaged (CRC mismatch)`);
    if (type === 'IEND') return;
    at = end;
  }
}

function decoded(png: Uint8Array): DecodedPng {
  // The library's own message for this names the signature, which means little to whoever drew the icon.
  if (!hasPngSignature(png)) throw new Error('not a PNG file');
  checkCrcs(png);
  try {
    return decode(png);
  } catch (error) {
    // fast-png puts the reason of a deflate failure in `cause` only.
    const cause =
      error instanceof Error && error.cause instanceof Error ? ` ${error.cause.message}` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${cause}`, {
      cause: error,
    });
  }
}

/** Width and height; throws with the reason when it is not a PNG or is damaged. */
export function readPngHeader(png: Uint8Array): PngHeader {
  const { width, height } = decoded(png);
  return { width, height };
}

/** One sample as stored: samples under 8 bits are packed into bytes, rows padded to a byte. */
function sampleReader(image: DecodedPng): (pixel: number, channel: number) => number {
  const { width, data, depth, channels } = image;
  if (depth >= 8) return (pixel, channel) => data[pixel * channels + channel] ?? 0;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const mask = (1 << depth) - 1;
  return (pixel, channel) => {
    const y = Math.floor(pixel / width);
    const bit = ((pixel % width) * channels + channel) * depth;
    const byte = data[y * rowBytes + (bit >> 3)] ?? 0;
    return (byte >> (8 - depth - (bit & 7))) & mask;
  };
}

/** Any decoded PNG as 8-bit RGBA, with tRNS transparency applied. */
function toRgba(image: DecodedPng): Uint8Array {
  const { width, height, depth, channels, palette, transparency } = image;
  const sample = sampleReader(image);
  const max = 2 ** depth - 1;
  const scale = (value: number) => Math.round((value * 255) / max);
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const raw = Array.from({ length: channels }, (_, c) => sample(i, c));
    let rgba: number[];
    if (palette) {
      const entry = palette[raw[0] ?? 0];
      if (!entry) throw new Error('the PNG palette is shorter than its pixels need');
      const [r = 0, g = 0, b = 0, a = 255] = entry;
      rgba = [r, g, b, a];
    } else {
      const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = raw;
      // Grey (1 or 2 channels) or truecolour (3 or 4); tRNS names one fully transparent colour.
      const colour = channels >= 3 ? [c0, c1, c2] : [c0, c0, c0];
      const alpha = channels === 2 ? c1 : channels === 4 ? c3 : max;
      const keyed =
        transparency !== undefined &&
        (channels === 1 || channels === 3) &&
        raw.every((value, c) => transparency[c] === value);
      rgba = [...colour, keyed ? 0 : alpha].map(scale);
    }
    pixels.set(rgba, i * 4);
  }
  return pixels;
}

/** Decodes any valid PNG to 8-bit RGBA; throws with the reason when the file is damaged. */
export function decodePng(png: Uint8Array): RgbaImage {
  const image = decoded(png);
  return { width: image.width, height: image.height, pixels: toRgba(image) };
}
