/** The chat platforms Tasa speaks to. */
export const platforms = ['slack', 'teams'] as const;
export type Platform = (typeof platforms)[number];

/** Where a message goes: a person (direct message) or a channel. */
export interface Address {
  platform: Platform;
  kind: 'person' | 'channel';
  /** The platform's own id: a Slack user/channel id, a Teams user/conversation id. */
  id: string;
}

/** A person as a platform knows them. */
export interface PersonRef {
  platform: Platform;
  id: string;
}

/** A stable key for a person, e.g. `slack:U0EDU1`. */
export const personKey = (person: PersonRef): string => `${person.platform}:${person.id}`;

export function parsePersonKey(key: string): PersonRef | undefined {
  const at = key.indexOf(':');
  const platform = key.slice(0, at);
  if (platform !== 'slack' && platform !== 'teams') return undefined;
  return { platform, id: key.slice(at + 1) };
}

export const personAddress = (person: PersonRef): Address => ({ ...person, kind: 'person' });

/** A configured person as a platform's people picker lists them: their id there, and a name. */
export interface ConfiguredPerson {
  id: string;
  name?: string;
}
