import type { Cycle, FrozenKeyFactor } from '../cycles/cycle.ts';
import type { Translator } from '../i18n/create.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';

/** Whom a check-in message is written for: their language, its words, and how to name people. */
export interface Reader {
  t: Translator;
  language: Language;
  cycle: Cycle;
  nameOf(person: string): string;
}

export const keyFactorTitle = (v: Reader, kf: FrozenKeyFactor): string =>
  v.t('checkins:keyFactor', { number: kf.number, title: kf.title[v.language] });

/** The cycle and department every check-in action carries. */
export const departmentRef = (v: Reader, department: string) => ({
  cycle: v.cycle.id,
  department,
});

/** Who did something and on which day, as a message names them. */
export const stamp = (v: Reader, by: string, at: string) => ({
  name: v.nameOf(by),
  date: formatDate(at.slice(0, 10), v.language),
});
