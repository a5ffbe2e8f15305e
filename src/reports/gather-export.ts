import { allItems } from '../action-plans/repository.ts';
import type { Catalogue } from '../catalogue/load.ts';
import { cycleRecords } from '../checkins/status.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Cycle } from '../cycles/cycle.ts';
import type { i18n } from 'i18next';
import { translatorFor } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import type { Directory } from '../people/directory.ts';
import { createNamesRepository } from '../people/names-repository.ts';
import { knownName } from '../people/naming.ts';
import type { Store } from '../store/store.ts';
import {
  exportFiles,
  fileBytes,
  writeFiles,
  type BuiltFile,
  type ExportInput,
} from './export/index.ts';

export interface ExportOptions {
  store: Store;
  config: OrganizationConfig;
  catalogue: Catalogue;
  i18n: i18n;
  directory: Directory;
  cycle: Cycle;
  language: Language;
  now: Date;
}

/** Reads what an export is made of from the store: the cycle's records and the action plan. */
export async function gatherExport(options: ExportOptions): Promise<ExportInput> {
  const { store, config, cycle, language } = options;
  const t = translatorFor(options.i18n, language);
  // Files show the id in a column of its own: a name cell never falls back to it.
  const remembered = await createNamesRepository(store).all();
  return {
    organization: config.organization.name,
    language,
    t,
    cycle,
    records: await cycleRecords(store, cycle),
    items: await allItems(store),
    catalogue: options.catalogue,
    nameOf: (key) => knownName(options.directory, remembered, key) ?? t('common:someone'),
    generatedAt: options.now,
    timeZone: config.organization.timezone,
    staleAfterMonths: config.cycles.evidenceStaleAfterMonths,
  };
}

/** The export files made whole as UTF-8, for a chat upload (`/tasa export`). */
export async function exportCycle(options: ExportOptions): Promise<BuiltFile[]> {
  return exportFiles(await gatherExport(options)).map(fileBytes);
}

/** Writes the export files into `dir` a piece at a time (`tasa export`); gives their names. */
export async function writeCycleExport(options: ExportOptions, dir: string): Promise<string[]> {
  const files = exportFiles(await gatherExport(options));
  await writeFiles(files, dir);
  return files.map((f) => f.name);
}
