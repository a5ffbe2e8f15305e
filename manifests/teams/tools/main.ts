/**
 * `npm run package:teams [-- --out <file>]`: writes dist/teams/tasa-teams.zip
 * for “Upload a custom app”. The only place of the packaging that reads the
 * environment.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeTeamsPackage } from './build-package.ts';
import { packageSettings } from './settings.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function main(): number {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const settings = packageSettings(process.env);
  if (!settings.ok) {
    for (const problem of settings.problems) console.error(`package:teams: ${problem}`);
    return 1;
  }
  const outFile = resolve(values.out ?? resolve(root, 'dist/teams/tasa-teams.zip'));
  const result = writeTeamsPackage({
    manifestDir: resolve(root, 'manifests/teams'),
    ids: settings.ids,
    outFile,
  });
  if (!result.ok) {
    console.error(`package:teams: the Teams app package was not written; fix these first:`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    return 1;
  }
  const shown = relative(process.cwd(), outFile);
  console.log(
    `wrote ${shown.startsWith('..') ? outFile : shown} (${result.files.join(', ')}) for app ${settings.ids.appId}, bot ${settings.ids.botId}`,
  );
  console.log('upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app');
  return 0;
}

process.exitCode = main();
