/**
 * Builds the Teams app package: manifest.json with the ids filled in, its
 * icons and localization files at the zip root, ready for “Upload a custom
 * app”. Everything Teams would refuse is found first, and every problem is
 * reported at once, so one run shows all that needs fixing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commandProblems, translatedCommandProblems } from './command-limits.ts';
import { iconProblems, type IconRole } from './icon-checks.ts';
import {
  field,
  fillPlaceholders,
  isPackagePath,
  leftoverPlaceholders,
  placeholderValues,
  valueAtKey,
  type Json,
  type TeamsIds,
} from './manifest-files.ts';
import { schemaUrl, validateTeamsDocument } from './schema.ts';
import { createZip, type ZipEntry } from './zip.ts';

export interface PackageInput {
  /** The folder with manifest.json and the files it names (manifests/teams). */
  readonly manifestDir: string;
  readonly ids: TeamsIds;
}

export type PackageResult =
  | { readonly ok: true; readonly zip: Buffer; readonly manifest: Json; readonly files: string[] }
  | { readonly ok: false; readonly problems: string[] };

const manifestFile = 'manifest.json';

type Read = { ok: true; bytes: Buffer } | { ok: false; problem: string };

function readFile(dir: string, file: string): Read {
  if (!isPackagePath(file))
    return {
      ok: false,
      problem: `${manifestFile}: “${file}” must be a relative path inside the package`,
    };
  try {
    return { ok: true, bytes: readFileSync(join(dir, file)) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : String(error);
    return { ok: false, problem: `${file}: ${reason} in ${dir}` };
  }
}

function parseJson(
  file: string,
  bytes: Buffer,
): { ok: true; value: Json } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as Json };
  } catch (error) {
    return {
      ok: false,
      problem: `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/** The localization files the manifest names (default language file and additional languages). */
function localizationFiles(manifest: Json): string[] {
  const info = field(manifest, 'localizationInfo');
  const additional = field(info, 'additionalLanguages');
  const files = [
    field(info, 'defaultLanguageFile'),
    ...(Array.isArray(additional) ? additional.map((l) => field(l, 'file')) : []),
  ];
  return files.filter((file): file is string => typeof file === 'string');
}

function checkLocalization(
  file: string,
  document: Json,
  manifest: Json,
  version: string,
): string[] {
  const problems = validateTeamsDocument('localization', version, document).map(
    (p) => `${file}: ${p}`,
  );
  const expected = schemaUrl('localization', version);
  if (field(document, '$schema') !== expected)
    problems.push(`${file}: $schema should be ${expected} to match manifestVersion ${version}`);
  // A key that names nothing in the manifest is silently ignored by Teams, so
  // a command added or moved without updating the translations would go unseen.
  const keys =
    document !== null && typeof document === 'object' && !Array.isArray(document)
      ? Object.keys(document)
      : [];
  for (const key of keys.filter((k) => k !== '$schema' && k !== 'localizationKeys')) {
    if (valueAtKey(manifest, key) === undefined)
      problems.push(`${file}: “${key}” names nothing in ${manifestFile}`);
    problems.push(...translatedCommandProblems(file, key, field(document, key)));
  }
  return problems;
}

/** Checks everything and builds the zip in memory; writes nothing. */
export function buildTeamsPackage(input: PackageInput): PackageResult {
  const { manifestDir } = input;
  const read = readFile(manifestDir, manifestFile);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const parsed = parseJson(manifestFile, read.bytes);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };

  const manifest = fillPlaceholders(parsed.value, placeholderValues(input.ids));
  const problems = leftoverPlaceholders(manifest).map(
    (p) => `${manifestFile}: placeholder not filled at ${p}`,
  );

  const version = field(manifest, 'manifestVersion');
  if (typeof version !== 'string')
    return { ok: false, problems: [...problems, `${manifestFile}: manifestVersion is missing`] };
  const expectedSchema = schemaUrl('manifest', version);
  if (field(manifest, '$schema') !== expectedSchema)
    problems.push(
      `${manifestFile}: $schema should be ${expectedSchema} to match manifestVersion ${version}`,
    );
  problems.push(
    ...validateTeamsDocument('manifest', version, manifest).map((p) => `${manifestFile}: ${p}`),
  );
  problems.push(...commandProblems(manifestFile, manifest));

  const files: ZipEntry[] = [
    { name: manifestFile, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
  const icons = field(manifest, 'icons');
  for (const role of ['color', 'outline'] as const satisfies readonly IconRole[]) {
    const file = field(icons, role);
    if (typeof file !== 'string') continue; // the schema has said so already
    const icon = readFile(manifestDir, file);
    if (!icon.ok) problems.push(icon.problem);
    else {
      problems.push(...iconProblems(role, file, icon.bytes));
      files.push({ name: file, data: icon.bytes });
    }
  }
  for (const file of localizationFiles(manifest)) {
    const bytes = readFile(manifestDir, file);
    if (!bytes.ok) {
      problems.push(bytes.problem);
      continue;
    }
    const document = parseJson(file, bytes.bytes);
    if (!document.ok) {
      problems.push(document.problem);
      continue;
    }
    problems.push(...checkLocalization(file, document.value, manifest, version));
    files.push({ name: file, data: bytes.bytes });
  }

  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, zip: createZip(files), manifest, files: files.map((f) => f.name) };
  } catch (error) {
    // Only a manifest naming one file for two roles gets here.
    return {
      ok: false,
      problems: [`${manifestFile}: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

/** Builds the package and, when nothing is wrong, writes it to `outFile`. */
export function writeTeamsPackage(
  input: PackageInput & { readonly outFile: string },
): PackageResult {
  const result = buildTeamsPackage(input);
  if (result.ok) {
    mkdirSync(dirname(input.outFile), { recursive: true });
    writeFileSync(input.outFile, result.zip);
  }
  return result;
}
