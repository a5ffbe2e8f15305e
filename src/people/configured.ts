import type { ConfiguredPerson, Platform } from '../chat/address.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { emailOf } from './configured-emails.ts';

/**
 * Everyone configured with an id on a platform, once, with a name where one
 * is given. On Teams a person named by e-mail is known by the address.
 */
export function configuredPeople(
  config: OrganizationConfig,
  platform: Platform,
): ConfiguredPerson[] {
  const people = new Map<string, ConfiguredPerson>();
  for (const person of [
    ...config.coordinators,
    ...config.reviewers,
    ...config.departments.flatMap((d) => d.contacts),
  ]) {
    const id = person[platform] ?? (platform === 'teams' ? emailOf(person) : undefined);
    if (!id) continue;
    const key = id.toLowerCase();
    const known = people.get(key);
    if (!known || (!known.name && person.name))
      people.set(key, { id, ...(person.name ? { name: person.name } : {}) });
  }
  return [...people.values()];
}
