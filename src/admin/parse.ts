import type { AdminRequest } from './changes.ts';
import { looksLikePerson, parsePerson } from './person-input.ts';

/** What `admin …` asks for, read from its words. */
export type AdminCommand =
  | { kind: 'help' }
  | { kind: 'history' }
  | { kind: 'change'; request: AdminRequest; toOpenCycle: boolean }
  /** Words that are not a command; `key` names what is missing under `admin:`. */
  | { kind: 'usage'; key: string; params?: Record<string, string> };

const openCycleFlag = '--to-open-cycle';

const usage = (key: string, params?: Record<string, string>): AdminCommand => ({
  kind: 'usage',
  key,
  ...(params ? { params } : {}),
});

function keyFactorsOf(text: string | undefined): string[] | 'all' | undefined {
  if (!text) return undefined;
  if (text.toLowerCase() === 'all') return 'all';
  const ids = text
    .split(',')
    .map((id) => id.trim().toUpperCase())
    .filter(Boolean);
  return ids.length > 0 ? ids : undefined;
}

/** Reads the words after `admin`. Ids and key factors are checked later by the configuration's rules. */
export function parseAdminCommand(words: readonly string[]): AdminCommand {
  const toOpenCycle = words.includes(openCycleFlag);
  const [first, second, ...rest] = words.filter((w) => w !== openCycleFlag);
  const what = `${first?.toLowerCase() ?? ''} ${second?.toLowerCase() ?? ''}`.trim();
  const change = (request: AdminRequest): AdminCommand => ({
    kind: 'change',
    request,
    toOpenCycle,
  });
  const department = (rest[0] ?? '').toLowerCase();
  const person = (text: string | undefined) => (text ? parsePerson(text) : undefined);
  if (!first || first.toLowerCase() === 'help') return { kind: 'help' };
  if (first.toLowerCase() === 'history') return { kind: 'history' };
  if (first.toLowerCase() === 'keyfactors') {
    const id = (second ?? '').toLowerCase();
    const keyFactors = keyFactorsOf(rest.join(''));
    if (!id) return usage('missing.department');
    if (!keyFactors) return usage('missing.keyFactors');
    return change({ kind: 'keyFactors', department: id, keyFactors });
  }
  switch (what) {
    case 'contact add':
    case 'contact remove': {
      const who = person(rest[1]);
      if (!department) return usage('missing.department');
      if (!who) return usage('missing.person');
      return change({
        kind: what === 'contact add' ? 'contactAdd' : 'contactRemove',
        department,
        person: who,
      });
    }
    case 'department add': {
      // The name may have spaces; the first contact is the last word.
      const last = rest.at(-1);
      const contact = rest.length > 2 && last && looksLikePerson(last) ? person(last) : undefined;
      const name = rest
        .slice(1, contact ? -1 : undefined)
        .join(' ')
        .trim();
      if (!department) return usage('missing.department');
      if (!name) return usage('missing.name');
      if (!contact) return usage('missing.person');
      // The id as written: the slug rule explains what an id may be.
      return change({ kind: 'departmentAdd', department: rest[0] ?? '', name, contact });
    }
    case 'department rename': {
      const name = rest.slice(1).join(' ').trim();
      if (!department) return usage('missing.department');
      if (!name) return usage('missing.name');
      return change({ kind: 'departmentRename', department, name });
    }
    case 'department retire':
      if (!department) return usage('missing.department');
      return change({ kind: 'departmentRetire', department });
    case 'coordinator add':
    case 'coordinator remove':
    case 'reviewer add':
    case 'reviewer remove': {
      const who = person(rest[0]);
      if (!who) return usage('missing.person');
      const kinds = {
        'coordinator add': 'coordinatorAdd',
        'coordinator remove': 'coordinatorRemove',
        'reviewer add': 'reviewerAdd',
        'reviewer remove': 'reviewerRemove',
      } as const;
      return change({ kind: kinds[what], person: who });
    }
  }
  return usage('help.unknown', { words: words.join(' ') });
}
