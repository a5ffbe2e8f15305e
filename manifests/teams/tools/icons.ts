/**
 * Redraws manifests/teams/color.png and outline.png: `node manifests/teams/tools/icons.ts`.
 * The PNGs are checked in, so packaging needs no drawing; run this after
 * changing draw-icons.ts (a test fails while the files and the code disagree).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './draw-icons.ts';
import { encodePng } from './png.ts';

const manifestDir = fileURLToPath(new URL('../', import.meta.url));

for (const [file, image] of [
  ['color.png', drawColorIcon()],
  ['outline.png', drawOutlineIcon()],
] as const) {
  writeFileSync(`${manifestDir}${file}`, encodePng(image));
  console.log(`wrote manifests/teams/${file} (${String(image.width)}×${String(image.height)})`);
}
