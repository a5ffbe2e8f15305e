#!/usr/bin/env -S node --experimental-strip-types
/**
 * The `tasa` command line: a composition root of its own. It reads the
 * environment here and nowhere else.
 */
import { loadCatalogue } from '../catalogue/load.ts';
import { createI18n, translatorFor } from '../i18n/create.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { readResources } from '../i18n/resources.ts';
import { usableConfig } from './commands/check-config.ts';
import { CommandFailed, parseOptions, type CliContext } from './io.ts';
import { onlinePlatforms } from './online.ts';
import { runCli } from './run.ts';
import { parseEnvironment } from '../env.ts';
import { createDirectory } from '../people/directory.ts';
import { workCalendar } from '../scheduler/calendar.ts';
import { systemClock } from '../shared/clock.ts';
import { openStore } from '../store/open.ts';

const argv = process.argv.slice(2);
// Messages follow --lang when given, then the system locale, then English.
const requested = parseOptions(argv).options.get('lang') ?? (process.env.LANG ?? '').slice(0, 2);
const language: Language = isLanguage(requested) ? requested : 'en';
const i18n = createI18n(readResources(), language);

const context: CliContext = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  t: translatorFor(i18n, language),
  language,
  defaultConfigPath: process.env.TASA_CONFIG || './tasa.yaml',
  catalogue: loadCatalogue(i18n),
  openOrganization: async () => {
    const env = parseEnvironment(process.env);
    // A config with problems is listed as check-config lists it, not thrown as a stack trace.
    const config = usableConfig(env.TASA_CONFIG ?? './tasa.yaml', context);
    if (!config) throw new CommandFailed(1);
    const store = openStore({
      url: env.TASA_STORE_URL,
      dataDir: env.TASA_DATA_DIR,
      namespace: config.organization.id,
      clock: systemClock,
    });
    const calendar = workCalendar(config.organization.timezone, config.organization.holidays);
    return {
      config,
      store,
      directory: createDirectory(config, ['slack', 'teams']),
      today: calendar.localDate(new Date()),
      close: () => store.close(),
    };
  },
  findPeople: (config) => onlinePlatforms(parseEnvironment(process.env), config),
};

process.exitCode = await runCli(argv, context);
