import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/run.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { i18nFor } from '../helpers/i18n.ts';

const exec = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const example = fileURLToPath(new URL('../../src/config/tasa.example.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tasa-cli-'));

/** Runs the real `tasa` command in a child process. */
async function tasa(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return tasaWith({}, ...args);
}

async function tasaWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [cli, ...args], {
      env: { ...process.env, LANG: 'C', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Runs a command in-process, collecting what it prints. */
async function inProcess(argv: string[], language: Language = 'en') {
  const { t, catalogue } = i18nFor(language);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    t,
    language,
    defaultConfigPath: join(dir, 'missing.yaml'),
    catalogue,
    openOrganization: () => Promise.reject(new Error('no organisation in this test')),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tasa check-config', () => {
  it('exits 0 for a valid file and says what it found', async () => {
    const result = await tasa('check-config', example);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is valid: City of Helsinki, 4 departments');
  });

  it('exits 1 and lists every problem with its path', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'organization: { name: Espoo, locale: fi, timezone: Europe/Espoo }',
        'frameworks: [integrating-cities]',
        'coordinators: [ { slack: coordinator } ]',
        'channels: { coordination: { slack: C0COORD } }',
        'departments: [ { id: Education, name: Opetus, contacts: [] } ]',
        'shedule: {}',
      ].join('\n'),
    );
    const result = await tasa('check-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      '  organization.timezone: expected a time zone such as Europe/Helsinki (found “Europe/Espoo”) (line 1)',
      '  coordinators[0].slack: expected a Slack user id such as U012AB3CD (found “coordinator”) (line 3)',
      '  departments[0].id: expected a short id of lower-case letters, digits and dashes, such as social-services (found “Education”) (line 5)',
      '  departments[0].contacts: expected a list with at least 1 entry (line 5)',
      '  shedule: unknown key “shedule”; check its spelling and indentation (line 6)',
    ]);
  });

  it('exits 1 with a clear message for a billion laughs, not a stack trace', async () => {
    const file = join(dir, 'laughs.yaml');
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries())
      laughs.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${'abcdefgh'[i] ?? 'a'}`)
          .join(', ')}]`,
      );
    writeFileSync(file, `${laughs.join('\n')}\n`);
    const result = await tasa('check-config', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${file} has 1 problem(s):\n  (the whole file): the aliases (*name) expand to too much; write the values out instead (line 2)\n`,
    );
  });

  it('lists the config problems for a command that needs the config, not a stack trace', async () => {
    const file = join(dir, 'negative.yaml');
    writeFileSync(file, readFileSync(example, 'utf8').replace('dueInDays: 42', 'dueInDays: -1'));
    const result = await tasaWith({ TASA_CONFIG: file }, 'privacy', 'export', 'UCOORD');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${file} has 1 problem(s):\n  cycles.dueInDays: must be at least 1 (found -1) (line 63)\n`,
    );
  });

  it('exits 1 with a clear message when the file does not exist', async () => {
    const result = await inProcess(['check-config']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`Cannot find the config file ${join(dir, 'missing.yaml')}.`);
  });

  it('speaks Finnish when asked', async () => {
    const result = await inProcess(['check-config', join(dir, 'missing.yaml')], 'fi');
    expect(result.err).not.toContain('Cannot find');
    expect(result.err).toContain('missing.yaml');
  });
});

describe('tasa framework show', () => {
  it('prints the stable JSON form', async () => {
    const result = await tasa(
      'framework',
      'show',
      'integrating-cities',
      '--lang',
      'en',
      '--format',
      'json',
    );
    expect(result.code).toBe(0);
    const framework = JSON.parse(result.stdout) as {
      id: string;
      items: {
        id: string;
        number: number;
        title: string;
        statement: string;
        questions: { id: string; text: string }[];
      }[];
      contextualFactors: { id: string; title: string; examples: string[] }[];
    };
    expect(framework.id).toBe('integrating-cities');
    expect(Object.keys(framework)).toEqual(['id', 'items', 'contextualFactors']);
    expect(Object.keys(framework.items[0]!)).toEqual([
      'id',
      'number',
      'title',
      'statement',
      'questions',
    ]);
    expect(framework.items).toHaveLength(11);
    expect(framework.items[5]).toMatchObject({
      id: 'KF06',
      number: 6,
      title: 'The city as employer',
    });
    expect(framework.items[5]!.questions.map((q) => q.id)).toEqual([
      'KF06.Q1',
      'KF06.Q2',
      'KF06.Q3',
      'KF06.Q4',
      'KF06.Q5',
      'KF06.Q6',
      'KF06.Q7',
    ]);
    expect(framework.contextualFactors.map((f) => f.id)).toEqual([
      'CF1',
      'CF2',
      'CF3',
      'CF4',
      'CF5',
      'CF6',
      'CF7',
    ]);
    expect(framework.contextualFactors.every((f) => f.examples.length > 0)).toBe(true);
  });

  it('shows ECCAR commitments with no questions, in Swedish', async () => {
    const result = await inProcess([
      'framework',
      'show',
      'eccar-10-point',
      '--lang',
      'sv',
      '--format',
      'json',
    ]);
    const framework = JSON.parse(result.out) as {
      items: { id: string; title: string; questions: unknown[] }[];
    };
    expect(framework.items.map((i) => i.id)).toEqual([
      'ECCAR01',
      'ECCAR02',
      'ECCAR03',
      'ECCAR04',
      'ECCAR05',
      'ECCAR06',
      'ECCAR07',
      'ECCAR08',
      'ECCAR09',
      'ECCAR10',
    ]);
    expect(framework.items[6]?.title).toBe('Rättvis tillgång till bostäder');
    expect(framework.items.every((i) => i.questions.length === 0)).toBe(true);
  });

  it('prints readable text by default, in Finnish with --lang fi', async () => {
    const result = await inProcess(['framework', 'show', 'integrating-cities', '--lang', 'fi']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('KF01  Julkinen sitoumus');
    expect(result.out).toContain('KF10.Q3  Seuraako kaupunkinne hankintoja');
    expect(result.out).toContain('CF7  Kaupungin kansalaisyhteiskunta');
  });

  it('refuses an unknown framework, language or format', async () => {
    expect(await inProcess(['framework', 'show', 'eccar'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('Unknown framework “eccar”'),
    });
    expect(await inProcess(['framework', 'show', 'hvs-7-goals', '--lang', 'de'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--lang'),
    });
    expect(await inProcess(['framework', 'show', 'hvs-7-goals', '--format', 'xml'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--format'),
    });
  });

  it('answers an unknown command with the usage', async () => {
    const result = await inProcess(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Unknown command “frobnicate”');
    expect(result.out).toContain('tasa check-config [file]');
  });
});

describe('command line options', () => {
  it('reads a flag such as --force without taking the next word as its value', () => {
    const { positional, options, flags } = parseOptions([
      '--force',
      '--lang',
      'fi',
      'p',
      '--out=x',
    ]);
    expect([...flags]).toEqual(['force']);
    expect(Object.fromEntries(options)).toEqual({ lang: 'fi', out: 'x' });
    expect(positional).toEqual(['p']);
  });
});
