#!/usr/bin/env -S node --experimental-strip-types
/**
 * The `tasa` command line: a composition root of its own. It reads the
 * environment here and nowhere else.
 */
import { loadCatalogue } from '../catalogue/load.ts';
import { createI18n, translatorFor } from '../i18n/create.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { readResources } from '../i18n/resources.ts';
import { parseOptions } from './io.ts';
import { runCli } from './run.ts';

const argv = process.argv.slice(2);
// Messages follow --lang when given, then the system locale, then English.
const requested = parseOptions(argv).options.get('lang') ?? (process.env.LANG ?? '').slice(0, 2);
const language: Language = isLanguage(requested) ? requested : 'en';
const i18n = createI18n(readResources(), language);

process.exitCode = await runCli(argv, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  t: translatorFor(i18n, language),
  language,
  defaultConfigPath: process.env.TASA_CONFIG || './tasa.yaml',
  catalogue: loadCatalogue(i18n),
});
