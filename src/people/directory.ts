import type { OrganizationConfig, Person } from '../config/schema.ts';
import {
  parsePersonKey,
  personKey,
  type Address,
  type Platform,
  type PersonRef,
} from '../chat/address.ts';
import * as rules from '../config/rules.ts';
import { emailOf } from './configured-emails.ts';
import { normalEmail } from './email-ids-repository.ts';
import { noKnownEmails, type KnownEmails } from './email-resolver.ts';

/**
 * Who is who, from the organisation config: departments' contacts and the
 * coordinators. A configured person may have both a Slack and a Teams id;
 * their canonical key is the first of `slack:<id>` and `teams:<id>`. A person
 * named only by e-mail is `email:<address>`: the ids the platforms give for
 * it are learned later and may change (see KnownEmails), while the address
 * is what the city wrote, so their work stays under one key. Ids written
 * out keep the keys they always had, so adding an e-mail moves nothing.
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

/** The ids written out; on Teams an e-mail is an id too (the adapter matches it when they write). */
const writtenRefs = (person: Person): PersonRef[] => {
  const teams = person.teams ?? emailOf(person);
  return [
    ...(person.slack ? [{ platform: 'slack' as const, id: person.slack }] : []),
    ...(teams ? [{ platform: 'teams' as const, id: teams }] : []),
  ];
};

/** The key a configured person is known by: their first platform id, else their e-mail address. */
export const configuredKey = (person: Person): string => {
  if (person.slack) return personKey({ platform: 'slack', id: person.slack });
  if (person.teams) return personKey({ platform: 'teams', id: person.teams });
  return `email:${emailOf(person) ?? ''}`;
};

export function createDirectory(
  config: OrganizationConfig,
  enabled: readonly Platform[],
  emails: KnownEmails = noKnownEmails,
): Directory {
  const people = new Map<string, Person>();
  const aliases = new Map<string, string>();
  const register = (person: Person): string => {
    const email = emailOf(person);
    const forms = [
      ...writtenRefs(person).map(personKey),
      ...(email ? [`email:${email}`] : []),
      configuredKey(person),
    ];
    const known = forms.map((form) => aliases.get(form)).find((k) => k !== undefined);
    const canonical = known ?? configuredKey(person);
    if (!people.has(canonical)) people.set(canonical, person);
    for (const form of forms) aliases.set(form, canonical);
    return canonical;
  };
  const coordinatorKeys = new Set(config.coordinators.map(register));
  const reviewerKeys = new Set([...config.reviewers.map(register), ...coordinatorKeys]);
  const contacts = new Map(
    config.departments.map((d) => [d.id, [...new Set(d.contacts.map(register))]]),
  );

  /** Written ids, and the Slack id found for the e-mail of someone who has none written. */
  const refsOf = (person: Person): PersonRef[] => {
    const email = emailOf(person);
    const found = !person.slack && email ? emails.idOf(email, 'slack') : undefined;
    return [...writtenRefs(person), ...(found ? [{ platform: 'slack' as const, id: found }] : [])];
  };

  /**
   * Where to write to a person: an id written out, else their e-mail, which
   * the delivery turns into the platform's id. A platform that found the
   * address comes first, one that answered it knows no one by it last.
   */
  const addressesOf = (person: Person): PersonRef[] => {
    const email = emailOf(person);
    const rank = (platform: Platform): number => {
      if (person[platform] && person[platform] !== email) return 0;
      const known = email ? emails.idOf(email, platform) : undefined;
      return known ? 0 : known === null ? 2 : 1;
    };
    return enabled
      .flatMap((platform): PersonRef[] => {
        const id = person[platform] ?? email;
        return id ? [{ platform, id }] : [];
      })
      .sort((a, b) => rank(a.platform) - rank(b.platform));
  };

  const configured = (key: string): PersonRef[] =>
    [parsePersonKey(key)].filter((r) => r !== undefined);

  return {
    canonicalKey(actor) {
      const direct = aliases.get(personKey(actor));
      if (direct) return direct;
      // An e-mail (a Teams id, an owner in an import) names whoever has that address, in any case.
      const email = rules.email(actor.id) ? normalEmail(actor.id) : emails.emailOf(actor);
      return (email && aliases.get(`email:${email}`)) || personKey(actor);
    },
    isCoordinator: (key) => coordinatorKeys.has(key),
    coordinators: () => [...coordinatorKeys],
    isReviewer: (key) => reviewerKeys.has(key),
    reviewers: () => [...reviewerKeys],
    departmentsOf: (key) =>
      [...contacts].filter(([, keys]) => keys.includes(key)).map(([id]) => id),
    contactsOf: (departmentId) => contacts.get(departmentId) ?? [],
    addressOf(key) {
      const person = people.get(key);
      const refs = person ? addressesOf(person) : configured(key);
      const ref = refs.find((r) => enabled.includes(r.platform));
      return ref ? { ...ref, kind: 'person' } : undefined;
    },
    refsOf(key) {
      const person = people.get(key);
      return person ? refsOf(person) : configured(key);
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
