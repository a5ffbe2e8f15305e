import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAdminRepository } from '../../admin/admin-repository.ts';
import { configYaml } from '../../admin/export-yaml.ts';
import { peoplePartOf, withPeoplePart } from '../../admin/people-part.ts';
import { readTextFile, writeOutputFile } from '../files.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/**
 * `tasa config export [--out tasa.yaml] [--force]`: the running configuration
 * (the file with the changes made in chat) as YAML, to stdout or a file.
 */
export const configExport: CliCommand = async (
  args,
  { out, t, defaultConfigPath, openOrganization },
) => {
  const { options, flags } = parseOptions(args);
  const organization = await openOrganization();
  try {
    const stored = await createAdminRepository(organization.store).read();
    const people = stored?.people ?? peoplePartOf(organization.config);
    const running = withPeoplePart(organization.config, people);
    const file = existsSync(defaultConfigPath)
      ? { text: readTextFile(defaultConfigPath), config: organization.config }
      : undefined;
    const text = configYaml(file, running, people);
    const target = options.get('out');
    if (!target) {
      out(text.trimEnd());
      return 0;
    }
    writeOutputFile(resolve(target), text, { force: flags.has('force') });
    out(t('cli:configExport.written', { file: target, revision: stored?.revision ?? 0 }));
    return 0;
  } finally {
    await organization.close();
  }
};
