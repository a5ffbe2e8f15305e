import { allItems } from '../action-plans/repository.ts';
import type { Catalogue } from '../catalogue/load.ts';
import { cycleRecords } from '../checkins/status.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Cycle } from '../cycles/cycle.ts';
import type { i18n } from 'i18next';
import { translatorFor } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import type { Directory } from '../people/directory.ts';
import type { Store } from '../store/store.ts';
import { exportFiles, type ExportFile } from './export/index.ts';

/** Gathers a cycle's records and the action plan from the store and writes the export files. */
export async function exportCycle(options: {
  store: Store;
  config: OrganizationConfig;
  catalogue: Catalogue;
  i18n: i18n;
  directory: Directory;
  cycle: Cycle;
  language: Language;
  now: Date;
}): Promise<ExportFile[]> {
  const { store, config, cycle, language } = options;
  return exportFiles({
    organization: config.organization.name,
    language,
    t: translatorFor(options.i18n, language),
    cycle,
    records: await cycleRecords(store, cycle),
    items: await allItems(store),
    catalogue: options.catalogue,
    nameOf: (key) => options.directory.nameOf(key) ?? key.slice(key.indexOf(':') + 1),
    generatedAt: options.now,
    timeZone: config.organization.timezone,
  });
}
