import { emailOf } from '../people/configured-emails.ts';
import { configuredKey } from '../people/directory.ts';
import type { Department, OrganizationConfig, Person } from '../config/schema.ts';
import type { DataSubject } from '../shared/personal-data.ts';

/**
 * The part of the configuration that changes while Tasa runs: who coordinates,
 * who reviews, and the departments with their contacts, names, key factors
 * and retired flag. The rest (schedule, channels, frameworks) stays the file's.
 */
export interface PeoplePart {
  coordinators: Person[];
  reviewers: Person[];
  departments: Department[];
}

export const peoplePartOf = (config: OrganizationConfig): PeoplePart => ({
  coordinators: config.coordinators,
  reviewers: config.reviewers,
  departments: config.departments,
});

export const withPeoplePart = (
  config: OrganizationConfig,
  part: PeoplePart,
): OrganizationConfig => ({ ...config, ...part });

/** How a person is told apart: their first platform id (Teams ids and e-mails ignore case). */
export function personId(person: Person): string {
  if (person.slack) return `slack:${person.slack}`;
  return `teams:${(person.teams ?? '').toLowerCase()}`;
}

/** The key the directory knows a person by (e.g. `slack:U0EDU1`), as recorded in answers and hand-overs. */
export const personKeyOf = configuredKey;

/** Whether two entries name the same person: any platform id or their e-mail address in common. */
export function samePerson(a: Person, b: Person): boolean {
  if (a.slack && a.slack === b.slack) return true;
  if (a.teams && a.teams.toLowerCase() === b.teams?.toLowerCase()) return true;
  const email = emailOf(a);
  return email !== undefined && email === emailOf(b);
}

/** How a person is shown in a reply or the history: their name, else their id or address. */
export const personLabel = (person: Person): string =>
  person.name ?? person.slack ?? person.teams ?? emailOf(person) ?? '';

/** Plain-data equality, for values read back from JSON. */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Whether an entry is the data subject, by any platform id they are known by. */
const isSubject = (person: Person, subject: DataSubject): boolean =>
  personKeyOf(person) === subject.person ||
  subject.refs.some(
    (ref) =>
      (ref.platform === 'slack' && person.slack === ref.id) ||
      (ref.platform === 'teams' && person.teams?.toLowerCase() === ref.id.toLowerCase()),
  );

/** The people part without a person, and where they were (e.g. `departments.education.contacts`). */
export function withoutPerson(
  part: PeoplePart,
  subject: DataSubject,
): { part: PeoplePart; removed: string[] } {
  const removed: string[] = [];
  const keep = (people: Person[], where: string): Person[] => {
    const kept = people.filter((p) => !isSubject(p, subject));
    if (kept.length < people.length) removed.push(where);
    return kept;
  };
  return {
    part: {
      coordinators: keep(part.coordinators, 'coordinators'),
      reviewers: keep(part.reviewers, 'reviewers'),
      departments: part.departments.map((d) => ({
        ...d,
        contacts: keep(d.contacts, `departments.${d.id}.contacts`),
      })),
    },
    removed,
  };
}
