/**
 * The icon rules Teams enforces on upload, checked before the upload so the
 * reason is clear: colour 192×192, outline 32×32 with only white and
 * transparent pixels (Teams tints the outline itself).
 */
import { decodePng, type RgbaImage } from './png.ts';

export type IconRole = 'color' | 'outline';

export const iconSize: Readonly<Record<IconRole, number>> = { color: 192, outline: 32 };

const hex = (values: ArrayLike<number>): string =>
  `#${Array.from(values, (v) => v.toString(16).padStart(2, '0')).join('')}`;

function outlineProblems(file: string, image: RgbaImage): string[] {
  const { width, pixels } = image;
  let transparent = 0;
  let coloured = 0;
  let first = '';
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, alpha] = pixels.subarray(i, i + 4);
    if (alpha === 0) transparent++;
    else if ((r !== 255 || g !== 255 || b !== 255) && coloured++ === 0) {
      const at = i / 4;
      first = ` (the first at x=${String(at % width)}, y=${String(Math.floor(at / width))}: ${hex(pixels.subarray(i, i + 4))})`;
    }
  }
  const problems: string[] = [];
  if (transparent === 0)
    problems.push(
      `${file}: the outline icon has no transparent pixels; its background must be transparent`,
    );
  if (coloured > 0)
    problems.push(
      `${file}: ${String(coloured)} pixels are neither white nor transparent${first}; the outline icon must be white on a transparent background`,
    );
  return problems;
}

/** Every problem of one icon file; empty when Teams will accept it. */
export function iconProblems(role: IconRole, file: string, png: Buffer): string[] {
  try {
    const image = decodePng(png);
    const { width, height } = image;
    const size = iconSize[role];
    if (width !== size || height !== size)
      return [
        `${file}: the ${role} icon must be ${String(size)}×${String(size)} pixels (found ${String(width)}×${String(height)})`,
      ];
    return role === 'outline' ? outlineProblems(file, image) : [];
  } catch (error) {
    return [`${file}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
