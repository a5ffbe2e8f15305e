import type { Department, Person } from '../config/schema.ts';
import type { HistoryChange } from './history.ts';
import { personKeyOf, samePerson, type PeoplePart } from './people-part.ts';

/** A change a coordinator asks for. */
export type AdminRequest =
  | { kind: 'contactAdd'; department: string; person: Person }
  | { kind: 'contactRemove'; department: string; person: Person }
  | { kind: 'departmentAdd'; department: string; name: string; contact: Person }
  | { kind: 'departmentRename'; department: string; name: string }
  | { kind: 'departmentRetire'; department: string }
  | { kind: 'keyFactors'; department: string; keyFactors: string[] | 'all' }
  | { kind: 'coordinatorAdd'; person: Person }
  | { kind: 'coordinatorRemove'; person: Person }
  | { kind: 'reviewerAdd'; person: Person }
  | { kind: 'reviewerRemove'; person: Person };

/** Why a change cannot be made; `key` names its text under `admin:refused`. */
export interface Refusal {
  key: string;
  params: Record<string, string>;
}

export type Applied =
  { ok: true; part: PeoplePart; change: HistoryChange } | { ok: false; refusal: Refusal };

const refuse = (key: string, params: Record<string, string> = {}): Applied => ({
  ok: false,
  refusal: { key, params },
});

const named = (person: Person) => ({
  person: personKeyOf(person),
  ...(person.name ? { name: person.name } : {}),
});

const nameText = (name: Department['name']): string =>
  typeof name === 'string' ? name : (Object.values(name).find((v) => v !== undefined) ?? '');

/** The department's new name in the organisation's language, keeping the others it has. */
function renamed(name: Department['name'], text: string, locale: string): Department['name'] {
  return typeof name === 'string' ? text : { ...name, [locale]: text };
}

/** Applies a request to the people part; nothing here reads or writes the store. */
export function applyRequest(part: PeoplePart, request: AdminRequest, locale: string): Applied {
  const departmentIndex =
    'department' in request ? part.departments.findIndex((d) => d.id === request.department) : -1;
  const department = part.departments[departmentIndex];
  const replace = (next: Department): Department[] =>
    part.departments.map((d, i) => (i === departmentIndex ? next : d));
  switch (request.kind) {
    case 'departmentAdd':
      if (department) return refuse('departmentExists', { department: request.department });
      return {
        ok: true,
        part: {
          ...part,
          departments: [
            ...part.departments,
            {
              id: request.department,
              name: request.name,
              contacts: [request.contact],
              keyFactors: 'all',
            },
          ],
        },
        change: { kind: 'departmentAdded', department: request.department, name: request.name },
      };
    case 'coordinatorAdd':
      if (part.coordinators.some((c) => samePerson(c, request.person)))
        return refuse('alreadyCoordinator');
      return {
        ok: true,
        part: { ...part, coordinators: [...part.coordinators, request.person] },
        change: { kind: 'coordinatorAdded', ...named(request.person) },
      };
    case 'coordinatorRemove': {
      const found = part.coordinators.find((c) => samePerson(c, request.person));
      if (!found) return refuse('notCoordinator');
      if (part.coordinators.length === 1) return refuse('lastCoordinator');
      return {
        ok: true,
        part: { ...part, coordinators: part.coordinators.filter((c) => c !== found) },
        change: { kind: 'coordinatorRemoved', ...named(found) },
      };
    }
    case 'reviewerAdd':
      if (part.reviewers.some((r) => samePerson(r, request.person)))
        return refuse('alreadyReviewer');
      return {
        ok: true,
        part: { ...part, reviewers: [...part.reviewers, request.person] },
        change: { kind: 'reviewerAdded', ...named(request.person) },
      };
    case 'reviewerRemove': {
      // Coordinators review too, so the last reviewer may go.
      const found = part.reviewers.find((r) => samePerson(r, request.person));
      if (!found) return refuse('notReviewer');
      return {
        ok: true,
        part: { ...part, reviewers: part.reviewers.filter((r) => r !== found) },
        change: { kind: 'reviewerRemoved', ...named(found) },
      };
    }
  }
  if (!department) return refuse('unknownDepartment', { department: request.department });
  switch (request.kind) {
    case 'contactAdd':
      if (department.contacts.some((c) => samePerson(c, request.person)))
        return refuse('alreadyContact', { department: department.id });
      return {
        ok: true,
        part: {
          ...part,
          departments: replace({
            ...department,
            contacts: [...department.contacts, request.person],
          }),
        },
        change: { kind: 'contactAdded', department: department.id, ...named(request.person) },
      };
    case 'contactRemove': {
      const found = department.contacts.find((c) => samePerson(c, request.person));
      if (!found) return refuse('notContact', { department: department.id });
      if (department.contacts.length === 1)
        return refuse('lastContact', { department: department.id });
      return {
        ok: true,
        part: {
          ...part,
          departments: replace({
            ...department,
            contacts: department.contacts.filter((c) => c !== found),
          }),
        },
        change: { kind: 'contactRemoved', department: department.id, ...named(found) },
      };
    }
    case 'departmentRename':
      return {
        ok: true,
        part: {
          ...part,
          departments: replace({
            ...department,
            name: renamed(department.name, request.name, locale),
          }),
        },
        change: {
          kind: 'departmentRenamed',
          department: department.id,
          name: request.name,
          previous: nameText(department.name),
        },
      };
    case 'departmentRetire':
      if (department.retired) return refuse('alreadyRetired', { department: department.id });
      return {
        ok: true,
        part: { ...part, departments: replace({ ...department, retired: true }) },
        change: { kind: 'departmentRetired', department: department.id },
      };
    case 'keyFactors':
      return {
        ok: true,
        part: { ...part, departments: replace({ ...department, keyFactors: request.keyFactors }) },
        change: {
          kind: 'keyFactorsSet',
          department: department.id,
          keyFactors: request.keyFactors,
          previous: department.keyFactors,
        },
      };
  }
}
