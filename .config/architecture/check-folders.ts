/**
 * The folder rules that dependency-cruiser cannot express: its `no-circular` sees cycles
 * between modules only, and its `collapse` option shapes reports, not the graph the rules run
 * on. So the module graph is collapsed here to first-level folders of src/, and every cycle
 * between folders fails the lint, as does a file that belongs to no layer.
 */
import { cruiseSources } from './cruise.ts';
import { describeCycle, findFolderCycles } from './folder-cycles.ts';
import { findFilesOutsideLayers } from './folder-graph.ts';

const result = await cruiseSources(process.cwd());
const cycles = findFolderCycles(result);
const outside = findFilesOutsideLayers(result);

for (const cycle of cycles) console.error(describeCycle(cycle));
for (const file of outside)
  console.error(`  outside every layer (add its folder to layers.ts): ${file}`);

if (cycles.length > 0 || outside.length > 0) {
  console.error(
    `\nx ${cycles.length} folder cycle(s), ${outside.length} file(s) outside every layer. ` +
      'A folder cycle goes away when one of its listed imports does.',
  );
  process.exit(1);
}
console.log(
  `✔ no folder cycles, every file in a layer (${result.modules.length} modules cruised).`,
);
