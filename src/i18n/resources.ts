import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languages, type Language } from './languages.ts';

/** Every namespace of texts; one JSON file per namespace and language. */
export const namespaces = [
  'catalogue',
  'common',
  'config',
  'cli',
  'checkins',
  'commands',
  'home',
  'actions',
  'reviews',
  'report',
  'reports',
  'teams',
  'admin',
] as const;
export type Namespace = (typeof namespaces)[number];

export type ResourceTree = { [key: string]: string | ResourceTree };
export type Resources = Record<Language, Record<Namespace, ResourceTree>>;

export const defaultLocalesDir = fileURLToPath(new URL('../../locales', import.meta.url));

/** Reads `locales/<lang>/<namespace>.json` for every language and namespace. */
export function readResources(localesDir: string = defaultLocalesDir): Resources {
  const resources = {} as Resources;
  for (const language of languages) {
    const present = new Set(readdirSync(join(localesDir, language)));
    const byNamespace = {} as Record<Namespace, ResourceTree>;
    for (const namespace of namespaces) {
      const file = `${namespace}.json`;
      byNamespace[namespace] = present.has(file)
        ? (JSON.parse(readFileSync(join(localesDir, language, file), 'utf8')) as ResourceTree)
        : {};
    }
    resources[language] = byNamespace;
  }
  return resources;
}
