import type { Language } from './languages.ts';

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/**
 * Building an Intl.DateTimeFormat costs far more than using one (and holds
 * ICU memory the garbage collector does not see), so formatters are kept per
 * locale and options. They are immutable; the cache only grows with the few
 * combinations Tasa uses.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const utcDate = (date: string): Date => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
};

/** A local date 'YYYY-MM-DD' as people write it: 31.3.2027, 31.3.2027, 31 March 2027. */
export function formatDate(date: string, language: Language): string {
  const style: Intl.DateTimeFormatOptions =
    language === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(locales[language], style).format(utcDate(date));
}

export function formatWeekdayDate(date: string, language: Language): string {
  return dateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: language === 'en' ? 'long' : 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(date));
}
