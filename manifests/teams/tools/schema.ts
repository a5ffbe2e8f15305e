/**
 * Checks a Teams app manifest and its localization files against Microsoft's
 * JSON schemas, as shipped in @microsoft/app-manifest (no download: the
 * schema version comes from the manifest's own `manifestVersion`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export type SchemaKind = 'manifest' | 'localization';

const schemaFile: Readonly<Record<SchemaKind, string>> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

const schemasDir = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

/** The `$schema` URL a document of this version and kind should name. */
export function schemaUrl(kind: SchemaKind, version: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/${schemaFile[kind]}`;
}

/** The stable schema versions available, newest first (DevPreview is left out). */
export function availableVersions(): string[] {
  return readdirSync(schemasDir)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => {
      const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
      const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
      return bMajor - aMajor || bMinor - aMinor;
    });
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, version: string): ValidateFunction | undefined {
  const path = join(schemasDir, `v${version}`, schemaFile[kind]);
  const cached = compiled.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return undefined;
  // The Teams schemas say draft-04, which Ajv 8 no longer ships, but they use
  // nothing whose meaning changed since (no `id`, no boolean exclusiveMaximum)
  // and already use draft-06/07 keywords (`const`, `if`), so Ajv's default
  // draft-07 validates them as Microsoft means them once `$schema` is dropped.
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete schema['$schema'];
  // Some of their patterns (`\b]`) are only valid without the `u` flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormatsModule.default(ajv);
  const validate = ajv.compile(schema);
  compiled.set(path, validate);
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    typeof params['additionalProperty'] === 'string'
      ? `: “${params['additionalProperty']}”`
      : Array.isArray(params['allowedValues'])
        ? `: ${params['allowedValues'].map((v) => JSON.stringify(v)).join(', ')}`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/**
 * Every schema problem of one document, as “/name/short must NOT have more
 * than 30 characters”; empty when it is valid.
 */
export function validateTeamsDocument(
  kind: SchemaKind,
  version: string,
  document: unknown,
): string[] {
  const validate = validatorFor(kind, version);
  if (!validate)
    return [
      `manifestVersion “${version}” has no ${schemaFile[kind]} in @microsoft/app-manifest (stable versions: ${availableVersions().join(', ')})`,
    ];
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describe);
}
