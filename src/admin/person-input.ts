import type { Person } from '../config/schema.ts';

/**
 * A person as a coordinator writes them: a Slack mention (`<@U012AB3CD>` or
 * `<@U012AB3CD|name>`), a Slack user id, a Teams id (`29:…`, an Entra object
 * id) or an e-mail address (Teams). The value is checked later by the
 * configuration's own rules, so a typo gets the same message as in tasa.yaml.
 */
export function parsePerson(text: string): Person | undefined {
  const written = text.trim();
  if (written === '') return undefined;
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(written);
  if (mention?.[1]) return { slack: mention[1] };
  if (/^[UW][A-Z0-9]{2,}$/.test(written)) return { slack: written };
  if (written.startsWith('29:') || written.includes('@') || /^[0-9a-f-]{36}$/i.test(written))
    return { teams: written };
  // Neither: let the Slack rule explain what a person id looks like.
  return { slack: written };
}

/** Whether a word reads as a person rather than a word of a name. */
export const looksLikePerson = (text: string): boolean =>
  /^<@[A-Z0-9]+(\|[^>]*)?>$/.test(text) ||
  /^[UW][A-Z0-9]{6,}$/.test(text) ||
  text.startsWith('29:') ||
  /^[^\s@]+@[^\s@]+$/.test(text) ||
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
