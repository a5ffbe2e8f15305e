import type { Language } from './languages.ts';

const locales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A local date 'YYYY-MM-DD' as people write it: 31.3.2027, 31.3.2027, 31 March 2027. */
export function formatDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  const style: Intl.DateTimeFormatOptions =
    language === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locales[language], style).format(utc);
}

export function formatWeekdayDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: language === 'en' ? 'long' : 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}
