import { loadCatalogue } from '../../src/catalogue/load.ts';
import { createI18n, translatorFor } from '../../src/i18n/create.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { readResources } from '../../src/i18n/resources.ts';

export const resources = readResources();

export function i18nFor(language: Language = 'en') {
  const i18n = createI18n(resources, language);
  return { i18n, t: translatorFor(i18n, language), catalogue: loadCatalogue(i18n) };
}
