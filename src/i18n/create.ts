import i18next, { type i18n, type TFunction } from 'i18next';
import type { Language } from './languages.ts';
import { namespaces, type Resources } from './resources.ts';

export type Translator = TFunction;

/**
 * A fresh i18next instance (never the global one), loaded synchronously from
 * the given resources. Missing keys do not fall back to another language: the
 * completeness test guarantees there are none.
 */
export function createI18n(resources: Resources, defaultLanguage: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: defaultLanguage,
    fallbackLng: false,
    ns: [...namespaces],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function translatorFor(i18n: i18n, language: Language): Translator {
  return i18n.getFixedT(language);
}
