import type { CliContext } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/run.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { createDirectory, type Directory } from '../../src/people/directory.ts';
import type { Store } from '../../src/store/store.ts';
import { i18nFor } from './i18n.ts';

/** The organisation a command runs on; the directory and the day have test defaults. */
export interface CliOrganization {
  config: OrganizationConfig;
  store: Store;
  directory?: Directory;
  today?: string;
  close?: () => Promise<void>;
}

/**
 * Runs `tasa …` in-process on one organisation, in English, collecting what
 * each run prints; `platforms` stands in for the credentials in the environment.
 */
export function cliOn(
  organization: () => CliOrganization | Promise<CliOrganization>,
  platforms?: Pick<CliContext, 'findPeople'>,
) {
  const { t, catalogue } = i18nFor('en');
  return async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      t,
      language: 'en',
      defaultConfigPath: 'tasa.yaml',
      catalogue,
      ...platforms,
      openOrganization: async () => {
        const found = await organization();
        return {
          config: found.config,
          store: found.store,
          directory: found.directory ?? createDirectory(found.config, ['slack', 'teams']),
          today: found.today ?? '2027-01-04',
          close: found.close ?? (async () => undefined),
        };
      },
    });
    return { code, out, err };
  };
}
