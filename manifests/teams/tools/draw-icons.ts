/**
 * Tasa's Teams icons, drawn from code so they can be redrawn exactly: an
 * equals sign (“tasa” is Finnish for level, even) in white. The colour icon
 * puts it on a dark teal rounded square; the outline icon, which Teams tints
 * itself, is white on transparent with the square as a thin frame.
 */
import type { RgbaImage } from './png.ts';

export const teal = { r: 0x1d, g: 0x4e, b: 0x5f } as const;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly radius: number;
}

/** Signed distance from a point to a rounded box: negative inside, in pixels. */
function distance(box: Box, x: number, y: number): number {
  const halfW = (box.x1 - box.x0) / 2;
  const halfH = (box.y1 - box.y0) / 2;
  const qx = Math.abs(x - (box.x0 + halfW)) - halfW + box.radius;
  const qy = Math.abs(y - (box.y0 + halfH)) - halfH + box.radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - box.radius;
}

/** How much of the pixel a shape covers, with a one-pixel soft edge for anti-aliasing. */
const coverage = (signedDistance: number): number => Math.min(Math.max(0.5 - signedDistance, 0), 1);

const filled = (box: Box) => (x: number, y: number) => coverage(distance(box, x, y));
const stroked = (box: Box, width: number) => (x: number, y: number) =>
  coverage(Math.abs(distance(box, x, y)) - width / 2);

type Shape = (x: number, y: number) => number;

/** The two bars of the equals sign, centred in a square of the given size. */
function equalsSign(size: number, barWidth: number, barHeight: number, gap: number): Shape[] {
  const x0 = (size - barWidth) / 2;
  const top = size / 2 - gap / 2 - barHeight;
  const bar = (y0: number): Shape =>
    filled({ x0, y0, x1: x0 + barWidth, y1: y0 + barHeight, radius: barHeight / 2 });
  return [bar(top), bar(size / 2 + gap / 2)];
}

function render(size: number, pixel: (x: number, y: number) => readonly number[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      // Sample at the pixel's centre.
      pixels.set(
        pixel(x + 0.5, y + 0.5).map((v) => Math.round(v)),
        (y * size + x) * 4,
      );
  return { width: size, height: size, pixels };
}

const union = (shapes: readonly Shape[], x: number, y: number): number =>
  Math.max(...shapes.map((shape) => shape(x, y)));

/** 192×192: the mark keeps inside the middle 96×96, as Teams asks, so cropping never cuts it. */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const square = filled({ x0: 0, y0: 0, x1: size, y1: size, radius: 36 });
  const mark = equalsSign(size, 96, 22, 22);
  return render(size, (x, y) => {
    const m = union(mark, x, y);
    const mix = (channel: number) => channel + (255 - channel) * m;
    return [mix(teal.r), mix(teal.g), mix(teal.b), 255 * square(x, y)];
  });
}

/** 32×32: only white pixels of varying opacity, everything else fully transparent. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const frame = stroked({ x0: 2, y0: 2, x1: 30, y1: 30, radius: 7 }, 2);
  const shapes = [frame, ...equalsSign(size, 14, 3, 4)];
  return render(size, (x, y) => [255, 255, 255, 255 * union(shapes, x, y)]);
}
