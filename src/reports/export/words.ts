import type { Answer, Evidence } from '../../checkins/answer.ts';
import { isStale } from '../../shared/evidence.ts';
import {
  departmentOf,
  type Cycle,
  type FrozenDepartment,
  type FrozenKeyFactor,
  type Localised,
} from '../../cycles/cycle.ts';
import { formatDate, dateTimeFormat } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ExportInput } from './types.ts';

/** BCP 47 tags for times, matching the ones src/i18n/format.ts uses for dates. */
const timeLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A frozen text in the export's language; English if a cycle predates that language. */
export const inLanguage = (text: Localised, language: Language): string =>
  text[language] || text.en;

/** An instant (ISO or Date) as people read it in the organisation's zone: "31 March 2027, 14:05". */
export function dateTime(input: ExportInput, instant: string | Date): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return String(instant);
  // sv-SE writes dates as YYYY-MM-DD, the shape formatDate takes.
  const localDate = dateTimeFormat('sv-SE', { timeZone: input.timeZone }).format(when);
  const time = dateTimeFormat(timeLocales[input.language], {
    timeZone: input.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(when);
  return input.t('report:dateTime', { date: formatDate(localDate, input.language), time });
}

export const yesNo = (input: ExportInput, value: boolean): string =>
  input.t(value ? 'report:yes' : 'report:no');

/** The URL if it is http(s); anything else is shown as text and never linked. */
export function httpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Evidence in one cell: "Title (https://…) | https://…". */
export const evidenceText = (evidence: readonly Evidence[]): string =>
  evidence.map((e) => (e.title?.trim() ? `${e.title.trim()} (${e.url})` : e.url)).join(' | ');

/** A file name part from the cycle id; cycle names are already [\w.-], this only guards. */
export const fileName = (cycle: Cycle, what: string): string =>
  `tasa-${cycle.id.replace(/[^\w.-]/g, '_')}-${what}`;

/** The key factors a department is asked in the cycle, in the cycle's order. */
export const keyFactorsOf = (cycle: Cycle, department: FrozenDepartment): FrozenKeyFactor[] =>
  cycle.keyFactors.filter((kf) => department.keyFactors.includes(kf.id));

export function departmentName(input: ExportInput, departmentId: string | undefined): string {
  if (departmentId === undefined) return '';
  const department = departmentOf(input.cycle, departmentId);
  return department ? inLanguage(department.name, input.language) : departmentId;
}

export function contextualFactorTitle(input: ExportInput, factorId: string): string {
  const factor = input.cycle.contextualFactors.find((f) => f.id === factorId);
  return factor ? inLanguage(factor.title, input.language) : factorId;
}

const exportDates = new WeakMap<ExportInput, string>();

/** The local date an export is made on, for the age of evidence: worked out once per export, not per link. */
export function exportDate(input: ExportInput): string {
  let date = exportDates.get(input);
  if (date === undefined) {
    date = dateTimeFormat('sv-SE', { timeZone: input.timeZone }).format(input.generatedAt);
    exportDates.set(input, date);
  }
  return date;
}

/** Whether a link of an answer may be out of date when the export is made. */
export const staleEvidence = (
  input: ExportInput,
  evidence: Evidence,
  answeredAt: string,
): boolean => isStale(evidence, answeredAt, exportDate(input), input.staleAfterMonths);

/** How many of an answer's links may be out of date. */
export const staleCount = (input: ExportInput, answer: Answer): number =>
  answer.evidence.filter((e) => staleEvidence(input, e, answer.at)).length;
