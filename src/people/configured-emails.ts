import { platforms, type Platform } from '../chat/address.ts';
import type { OrganizationConfig, Person } from '../config/schema.ts';
import * as rules from '../config/rules.ts';
import { normalEmail } from './email-ids-repository.ts';

/** The e-mail address a person is named by: `email:`, else an e-mail written as their Teams id. */
export function emailOf(person: Person): string | undefined {
  if (person.email) return normalEmail(person.email);
  return person.teams && rules.email(person.teams) ? normalEmail(person.teams) : undefined;
}

/** A configured e-mail address to find: where tasa.yaml names it, and on which platforms. */
export interface ConfiguredEmail {
  email: string;
  /** Where tasa.yaml names the person, e.g. `departments[0].contacts[1]`. */
  where: string[];
  /** The platforms the person has no id on, so the address is looked up there. */
  platforms: Platform[];
}

/**
 * Every e-mail address that stands in for a platform id somewhere. On Teams
 * the address is the id the adapter knows the person by already (it matches
 * them when they write), so it is looked up there only to learn whether
 * Teams knows them.
 */
export function configuredEmails(config: OrganizationConfig): ConfiguredEmail[] {
  const found = new Map<string, ConfiguredEmail>();
  const add = (person: Person, where: string) => {
    const email = emailOf(person);
    if (!email) return;
    // An e-mail written as the Teams id is the same address, still to be found on Teams.
    const missing = platforms.filter((p) =>
      p === 'teams' ? !person.teams || normalEmail(person.teams) === email : !person[p],
    );
    const known = found.get(email) ?? { email, where: [], platforms: [] };
    known.where.push(where);
    known.platforms = [...new Set([...known.platforms, ...missing])];
    found.set(email, known);
  };
  config.coordinators.forEach((p, i) => add(p, `coordinators[${i}]`));
  config.reviewers.forEach((p, i) => add(p, `reviewers[${i}]`));
  config.departments.forEach((d, i) =>
    d.contacts.forEach((p, j) => add(p, `departments[${i}].contacts[${j}]`)),
  );
  return [...found.values()].filter((entry) => entry.platforms.length > 0);
}
