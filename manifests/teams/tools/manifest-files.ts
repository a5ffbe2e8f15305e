/**
 * Reading the manifest template and filling in its placeholders. The ids go
 * into the parsed JSON, never into its text, so no value can break the JSON.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TeamsIds {
  /** The Teams app id (`id`): a GUID. */
  readonly appId: string;
  /** The Azure Bot's Microsoft App ID (`bots[0].botId`): a GUID. */
  readonly botId: string;
}

/** An object's member, or undefined for anything that is not an object. */
export const field = (value: Json | undefined, key: string): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;

export const placeholderPattern = /\{\{([A-Z0-9_]+)\}\}/g;

export function placeholderValues(ids: TeamsIds): Readonly<Record<string, string>> {
  return { MICROSOFT_APP_ID: ids.appId, TEAMS_BOT_ID: ids.botId };
}

/** Replaces `{{NAME}}` in every string; unknown names are left for `leftoverPlaceholders`. */
export function fillPlaceholders(value: Json, values: Readonly<Record<string, string>>): Json {
  if (typeof value === 'string')
    return value.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, values));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, values)]),
    );
  return value;
}

/** Where placeholders are still unfilled, as “/bots/0/botId: {{TEAMS_BOT_ID}}”. */
export function leftoverPlaceholders(value: Json, path = ''): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(placeholderPattern)].map((m) => `${path || '/'}: ${m[0]}`);
  if (Array.isArray(value))
    return value.flatMap((item, i) => leftoverPlaceholders(item, `${path}/${String(i)}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      leftoverPlaceholders(item, `${path}/${key}`),
    );
  return [];
}

/**
 * The manifest value a localization key such as
 * `bots[0].commandLists[1].commands[3].description` names, or undefined.
 */
export function valueAtKey(manifest: Json, key: string): Json | undefined {
  let current: Json | undefined = manifest;
  for (const step of key.split('.')) {
    const [, name, brackets = ''] = /^([^[\]]+)((?:\[\d+\])*)$/.exec(step) ?? [];
    if (name === undefined) return undefined;
    const indexes = [...brackets.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    for (const part of [name, ...indexes]) {
      if (current === null || typeof current !== 'object') return undefined;
      current = Array.isArray(current)
        ? typeof part === 'number'
          ? current[part]
          : undefined
        : typeof part === 'string'
          ? current[part]
          : undefined;
    }
  }
  return current;
}

/** A file path a manifest may name: relative, inside the package, forward slashes. */
export function isPackagePath(path: string): boolean {
  return (
    path !== '' && !path.startsWith('/') && !path.includes('\\') && !path.split('/').includes('..')
  );
}
