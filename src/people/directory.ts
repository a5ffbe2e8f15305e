import type { OrganizationConfig, Person } from '../config/schema.ts';
import {
  parsePersonKey,
  personKey,
  type Address,
  type Platform,
  type PersonRef,
} from '../chat/address.ts';

/**
 * Who is who, from the organisation config: departments' contacts and the
 * coordinators. A configured person may have both a Slack and a Teams id;
 * their canonical key is the first of `slack:<id>` and `teams:<id>`.
 */
export interface Directory {
  /** The canonical key for whoever acted, configured or not. */
  canonicalKey(actor: PersonRef): string;
  isCoordinator(key: string): boolean;
  coordinators(): string[];
  /** Reviewers of departments' answers: the configured reviewers and the coordinators. */
  isReviewer(key: string): boolean;
  reviewers(): string[];
  /** Department ids the person is a configured contact of. */
  departmentsOf(key: string): string[];
  contactsOf(departmentId: string): string[];
  /** Where to send a direct message to this person, on a platform that is on. */
  addressOf(key: string): Address | undefined;
  /** Every platform id a person is known by, on any platform, connected or not. */
  refsOf(key: string): PersonRef[];
  /** A configured name, else undefined (messages then use the platform's, see naming.ts). */
  nameOf(key: string): string | undefined;
  /** A configured channel on a platform that is on. */
  channelAddress(channel: {
    slack?: string | undefined;
    teams?: string | undefined;
  }): Address | undefined;
}

const refsOf = (person: Person): PersonRef[] => [
  ...(person.slack ? [{ platform: 'slack' as const, id: person.slack }] : []),
  ...(person.teams ? [{ platform: 'teams' as const, id: person.teams }] : []),
];

export function createDirectory(
  config: OrganizationConfig,
  enabled: readonly Platform[],
): Directory {
  const people = new Map<string, Person>();
  const aliases = new Map<string, string>();
  const register = (person: Person): string => {
    const refs = refsOf(person);
    const key = personKey(refs[0] ?? { platform: 'slack', id: '' });
    const known = refs.map((ref) => aliases.get(personKey(ref))).find((k) => k !== undefined);
    const canonical = known ?? key;
    if (!people.has(canonical)) people.set(canonical, person);
    for (const ref of refs) aliases.set(personKey(ref), canonical);
    return canonical;
  };
  const coordinatorKeys = new Set(config.coordinators.map(register));
  const reviewerKeys = new Set([...config.reviewers.map(register), ...coordinatorKeys]);
  const contacts = new Map(
    config.departments.map((d) => [d.id, [...new Set(d.contacts.map(register))]]),
  );

  return {
    canonicalKey: (actor) => aliases.get(personKey(actor)) ?? personKey(actor),
    isCoordinator: (key) => coordinatorKeys.has(key),
    coordinators: () => [...coordinatorKeys],
    isReviewer: (key) => reviewerKeys.has(key),
    reviewers: () => [...reviewerKeys],
    departmentsOf: (key) =>
      [...contacts].filter(([, keys]) => keys.includes(key)).map(([id]) => id),
    contactsOf: (departmentId) => contacts.get(departmentId) ?? [],
    addressOf(key) {
      const person = people.get(key);
      const refs = person ? refsOf(person) : [parsePersonKey(key)].filter((r) => r !== undefined);
      const ref = refs.find((r) => enabled.includes(r.platform));
      return ref ? { ...ref, kind: 'person' } : undefined;
    },
    refsOf(key) {
      const person = people.get(key);
      return person ? refsOf(person) : [parsePersonKey(key)].filter((r) => r !== undefined);
    },
    nameOf: (key) => people.get(key)?.name,
    channelAddress(channel) {
      if (channel.slack && enabled.includes('slack'))
        return { platform: 'slack', kind: 'channel', id: channel.slack };
      if (channel.teams && enabled.includes('teams'))
        return { platform: 'teams', kind: 'channel', id: channel.teams };
      return undefined;
    },
  };
}
