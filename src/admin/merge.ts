import type { Department, Person } from '../config/schema.ts';
import { personId, sameValue, type PeoplePart } from './people-part.ts';

/**
 * How an edit of tasa.yaml meets changes made in chat: the file wins for what
 * it changed since it was last loaded (`before` → `after`); everything else
 * stays as the running configuration has it, chat changes included.
 */
export function mergeFileEdit(
  before: PeoplePart,
  after: PeoplePart,
  running: PeoplePart,
): PeoplePart {
  return {
    coordinators: mergePeople(before.coordinators, after.coordinators, running.coordinators),
    reviewers: mergePeople(before.reviewers, after.reviewers, running.reviewers),
    departments: mergeDepartments(before.departments, after.departments, running.departments),
  };
}

/** People the file added are added, those it took out are taken out, those it edited are replaced. */
function mergePeople(before: Person[], after: Person[], running: Person[]): Person[] {
  const was = new Map(before.map((p) => [personId(p), p]));
  const is = new Map(after.map((p) => [personId(p), p]));
  const kept = running
    .filter((p) => !(was.has(personId(p)) && !is.has(personId(p))))
    .map((p) => {
      const old = was.get(personId(p));
      const now = is.get(personId(p));
      return old && now && !sameValue(old, now) ? now : p;
    });
  const added = after.filter(
    (p) => !was.has(personId(p)) && !kept.some((k) => personId(k) === personId(p)),
  );
  return [...kept, ...added];
}

const fields = ['name', 'keyFactors', 'retired'] as const;

function mergeDepartment(before: Department, after: Department, running: Department): Department {
  // A field the file changed is the file's; the others stay as they run.
  const pick = <K extends (typeof fields)[number]>(field: K): Department[K] =>
    sameValue(before[field], after[field]) ? running[field] : after[field];
  const retired = pick('retired');
  return {
    id: running.id,
    name: pick('name'),
    contacts: mergePeople(before.contacts, after.contacts, running.contacts),
    keyFactors: pick('keyFactors'),
    ...(retired === undefined ? {} : { retired }),
  };
}

function mergeDepartments(
  before: Department[],
  after: Department[],
  running: Department[],
): Department[] {
  const was = new Map(before.map((d) => [d.id, d]));
  const is = new Map(after.map((d) => [d.id, d]));
  const kept = running.flatMap((department): Department[] => {
    const old = was.get(department.id);
    const now = is.get(department.id);
    if (old && !now) return [];
    if (!old && now) return [now];
    if (old && now) return [mergeDepartment(old, now, department)];
    return [department];
  });
  const added = after.filter((d) => !was.has(d.id) && !running.some((r) => r.id === d.id));
  return [...kept, ...added];
}

/** What a file edit changed, as paths for the history and the log (e.g. `departments.culture.contacts`). */
export function changedPaths(before: PeoplePart, after: PeoplePart): string[] {
  const paths: string[] = [];
  if (!sameValue(before.coordinators, after.coordinators)) paths.push('coordinators');
  if (!sameValue(before.reviewers, after.reviewers)) paths.push('reviewers');
  const ids = [...new Set([...before.departments, ...after.departments].map((d) => d.id))];
  for (const id of ids) {
    const old = before.departments.find((d) => d.id === id);
    const now = after.departments.find((d) => d.id === id);
    if (!old || !now) {
      if (!sameValue(old, now)) paths.push(`departments.${id}`);
      continue;
    }
    for (const field of [...fields, 'contacts'] as const)
      if (!sameValue(old[field], now[field])) paths.push(`departments.${id}.${field}`);
  }
  return paths;
}
