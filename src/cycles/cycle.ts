import type { Catalogue } from '../catalogue/load.ts';
import type { FrameworkId } from '../catalogue/definitions.ts';
import { configuredName, type OrganizationConfig } from '../config/schema.ts';
import { languages, type Language } from '../i18n/languages.ts';

export type Localised = Record<Language, string>;

export interface FrozenQuestion {
  id: string;
  number: number;
  text: Localised;
}

export interface FrozenKeyFactor {
  id: string;
  number: number;
  title: Localised;
  statement: Localised;
  questions: FrozenQuestion[];
}

export interface FrozenDepartment {
  id: string;
  name: Localised;
  keyFactors: string[];
}

/**
 * An assessment cycle. It freezes what it asks, in every language, when it
 * opens: later edits of the catalogue or the config never rewrite it.
 */
export interface Cycle {
  id: string;
  framework: FrameworkId;
  openedAt: string;
  openedBy: string;
  /** Local date 'YYYY-MM-DD'; answers after it are accepted and marked late. */
  dueDate: string;
  closedAt?: string;
  closedBy?: string;
  /** The cycle opened before this one: its answers come along as "last time". */
  previous?: string;
  keyFactors: FrozenKeyFactor[];
  departments: FrozenDepartment[];
  contextualFactors: { id: string; title: Localised }[];
}

const localised = (read: (language: Language) => string): Localised =>
  Object.fromEntries(languages.map((language) => [language, read(language)])) as Localised;

/** Freezes the scope: departments × their key factors, with every text. */
export function freezeScope(
  config: OrganizationConfig,
  catalogue: Catalogue,
): Pick<Cycle, 'framework' | 'keyFactors' | 'departments' | 'contextualFactors'> {
  const framework = config.frameworks[0];
  const inLanguage = (language: Language) => catalogue.framework(framework, language);
  const items = inLanguage('en').items.filter((item) => item.questions.length > 0);
  const keyFactors: FrozenKeyFactor[] = items.map((item, index) => ({
    id: item.id,
    number: item.number,
    title: localised((l) => inLanguage(l).items[index]?.title ?? item.title),
    statement: localised((l) => inLanguage(l).items[index]?.statement ?? ''),
    questions: item.questions.map((question, q) => ({
      id: question.id,
      number: question.number,
      text: localised((l) => inLanguage(l).items[index]?.questions[q]?.text ?? question.text),
    })),
  }));
  const all = keyFactors.map((kf) => kf.id);
  // A retired department keeps its history but is asked in no new cycle.
  const asked = config.departments.filter((department) => department.retired !== true);
  const departments: FrozenDepartment[] = asked.map((department) => ({
    id: department.id,
    name: localised((l) => configuredName(department, l, config.organization.locale)),
    keyFactors:
      department.keyFactors === 'all'
        ? all
        : all.filter((id) => department.keyFactors.includes(id)),
  }));
  const contextualFactors = inLanguage('en').contextualFactors.map((factor, index) => ({
    id: factor.id,
    title: localised((l) => inLanguage(l).contextualFactors[index]?.title ?? factor.title),
  }));
  return { framework, keyFactors, departments, contextualFactors };
}

export const isOpen = (cycle: Cycle): boolean => cycle.closedAt === undefined;

export function keyFactorOf(cycle: Cycle, keyFactorId: string): FrozenKeyFactor | undefined {
  return cycle.keyFactors.find((kf) => kf.id === keyFactorId);
}

export function departmentOf(cycle: Cycle, departmentId: string): FrozenDepartment | undefined {
  return cycle.departments.find((d) => d.id === departmentId);
}

/** The key factor a question belongs to, if the department is asked it in this cycle. */
export function locateQuestion(
  cycle: Cycle,
  departmentId: string,
  questionId: string,
): { keyFactor: FrozenKeyFactor; question: FrozenQuestion } | undefined {
  const department = departmentOf(cycle, departmentId);
  const keyFactor = cycle.keyFactors.find((kf) => kf.questions.some((q) => q.id === questionId));
  const question = keyFactor?.questions.find((q) => q.id === questionId);
  if (!department || !keyFactor || !question || !department.keyFactors.includes(keyFactor.id))
    return undefined;
  return { keyFactor, question };
}

/** A department's name as the cycle froze it, in a language; its id when it is not in the cycle. */
export const departmentName = (cycle: Cycle, department: string, language: Language): string =>
  departmentOf(cycle, department)?.name[language] ?? department;
