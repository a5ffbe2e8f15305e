import type { MessageView } from '../chat/views.ts';
import { formatProblem, type ConfigProblem } from '../config/problems.ts';
import { configuredName, type Department, type OrganizationConfig } from '../config/schema.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import type { AdminOutcome } from './administer.ts';
import { erasedPerson, type HistoryChange, type HistoryEntry } from './history.ts';
import type { OpenCycleAddition } from './open-cycle.ts';

/** How the history and replies show a person: their name, else the id from their key. */
export interface Names {
  nameOf(key: string): string | undefined;
}

const idOf = (key: string): string => key.slice(key.indexOf(':') + 1);

export const textView = (text: string): MessageView => ({
  text,
  blocks: [{ type: 'text', text }],
});

export const keyFactorList = (t: Translator, keyFactors: string[] | 'all'): string =>
  keyFactors === 'all' ? t('admin:done.all') : keyFactors.join(', ');

export const departmentLabel = (
  config: OrganizationConfig,
  id: string,
  language: Language,
): string => {
  const department = config.departments.find((d) => d.id === id);
  return department ? configuredName(department, language, config.organization.locale) : id;
};

/** A change made, in the words of the person who made it. */
export function changedText(
  t: Translator,
  outcome: Extract<AdminOutcome, { kind: 'changed' }>,
  label: (department: string) => string,
  person: (key: string, name?: string) => string,
): string {
  const { change } = outcome;
  const department = 'department' in change ? label(change.department) : '';
  const who = 'person' in change ? person(change.person, change.name) : '';
  switch (change.kind) {
    case 'keyFactorsSet':
      return t('admin:done.keyFactorsSet', {
        department,
        keyFactors: keyFactorList(t, change.keyFactors),
        previous: keyFactorList(t, change.previous),
      });
    case 'contactRemoved': {
      const removed = t('admin:done.contactRemoved', { department, person: who });
      if (!outcome.handedBack) return removed;
      const back = t('admin:done.handedBack', {
        person: who,
        keyFactors: outcome.handedBack.join(', '),
      });
      return `${removed} ${back}`;
    }
    default:
      return t(`admin:done.${change.kind}`, {
        ...change,
        ...('department' in change ? { id: change.department } : {}),
        department,
        person: who,
      });
  }
}

/** Why nothing changed: a refusal, or the configuration's own problems (as check-config says them). */
export function notChangedText(
  t: Translator,
  outcome: Exclude<AdminOutcome, { kind: 'changed' }>,
): string {
  if (outcome.kind === 'refused')
    return t(`admin:refused.${outcome.refusal.key}`, outcome.refusal.params);
  return problemsText(t, t('admin:invalid'), outcome.problems);
}

export const problemsText = (t: Translator, title: string, problems: ConfigProblem[]): string =>
  [title, ...problems.map((problem) => `• ${formatProblem(t, problem)}`)].join('\n');

export function openCycleText(
  t: Translator,
  added: OpenCycleAddition | { kind: 'unknownDepartment' },
  department: string,
): string {
  switch (added.kind) {
    case 'added':
      return t('admin:openCycle.added', {
        department,
        cycle: added.cycle.id,
        keyFactors: added.keyFactors.join(', '),
      });
    case 'alreadyAsked':
      return t('admin:openCycle.already', { department, cycle: added.cycle.id });
    case 'noOpenCycle':
      return t('admin:openCycle.none');
    case 'unknownDepartment':
      return t('admin:refused.unknownDepartment', { department });
  }
}

function entryParams(t: Translator, change: HistoryChange, names: Names): Record<string, string> {
  const shown = (key: string, name?: string): string =>
    key === erasedPerson ? t('admin:history.erased') : (name ?? names.nameOf(key) ?? idOf(key));
  switch (change.kind) {
    case 'seeded':
      return { count: String(change.departments) };
    case 'fileApplied':
      return { changed: change.changed.join(', ') };
    case 'keyFactorsSet':
      return {
        department: change.department,
        keyFactors: keyFactorList(t, change.keyFactors),
        previous: keyFactorList(t, change.previous),
      };
    case 'addedToOpenCycle':
      return { ...change, keyFactors: change.keyFactors.join(', ') };
    default:
      return {
        ...change,
        ...('person' in change ? { person: shown(change.person, change.name) } : {}),
      };
  }
}

/** The history, newest first, one line a change. */
export function historyView(t: Translator, entries: HistoryEntry[], names: Names): MessageView {
  const title = t('admin:history.title');
  const lines = entries.map((entry) => {
    const by =
      entry.by === 'file'
        ? t('admin:history.file')
        : entry.by === erasedPerson
          ? t('admin:history.erased')
          : (names.nameOf(entry.by) ?? idOf(entry.by));
    const at = `${entry.at.slice(0, 16).replace('T', ' ')} UTC`;
    return t(`admin:history.${entry.change.kind}`, {
      at,
      by,
      ...entryParams(t, entry.change, names),
    });
  });
  const body = lines.length > 0 ? lines.join('\n') : t('admin:history.empty');
  return {
    text: `${title}\n${body}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: body },
    ],
  };
}

export const departmentNameOf = (
  department: Department,
  config: OrganizationConfig,
  language: Language,
) => configuredName(department, language, config.organization.locale);
