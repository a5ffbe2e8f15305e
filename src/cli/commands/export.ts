import { resolve } from 'node:path';
import { loadCatalogue } from '../../catalogue/load.ts';
import { cycleIndex, getCycle, openCycleOf } from '../../cycles/repository.ts';
import { createI18n } from '../../i18n/create.ts';
import { isLanguage } from '../../i18n/languages.ts';
import { readResources } from '../../i18n/resources.ts';
import { exportFiles } from '../../reports/export/index.ts';
import { utf8Pages } from '../../reports/export/output.ts';
import { gatherExport } from '../../reports/gather-export.ts';
import { makeFolder, writeOutputFiles } from '../files.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/**
 * `tasa export [--cycle <id>] [--out <folder>] [--lang fi|sv|en] [--force]`:
 * writes the CSV files and the report, replacing existing ones only with --force.
 */
export const exportCommand: CliCommand = async (
  args,
  { out, err, t, language, openOrganization },
) => {
  const { options, flags } = parseOptions(args);
  const lang = options.get('lang') ?? language;
  if (!isLanguage(lang)) {
    err(t('cli:badOption', { option: '--lang', values: 'fi, sv, en' }));
    return 2;
  }
  const organization = await openOrganization();
  try {
    const wanted = options.get('cycle');
    const latest = (await cycleIndex(organization.store)).ids.at(-1);
    const cycle = wanted
      ? await getCycle(organization.store, wanted)
      : ((await openCycleOf(organization.store)) ??
        (latest ? await getCycle(organization.store, latest) : undefined));
    if (!cycle) {
      err(t('reports:export.noCycle'));
      return 1;
    }
    const i18n = createI18n(readResources(), lang);
    const dir = resolve(options.get('out') ?? '.');
    makeFolder(dir);
    const files = exportFiles(
      await gatherExport({
        store: organization.store,
        config: organization.config,
        catalogue: loadCatalogue(i18n),
        i18n,
        directory: organization.directory,
        cycle,
        language: lang,
        now: new Date(),
      }),
    );
    // Written here, not by the report code, so that existing files and links are refused.
    writeOutputFiles(
      dir,
      files.map((file) => ({ name: file.name, pages: () => utf8Pages(file.chunks()) })),
      { force: flags.has('force') },
    );
    out(
      t('reports:export.written', {
        count: files.length,
        dir,
        files: files.map((file) => file.name).join(', '),
      }),
    );
    return 0;
  } finally {
    await organization.close();
  }
};
