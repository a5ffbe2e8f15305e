import { execFileSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { cliOn } from '../helpers/cli.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { helsinkiDate, parsedConfig } from '../helpers/world.ts';

const root = mkdtempSync(join(tmpdir(), 'tasa-files-'));
let folders = 0;
const folder = (): string => {
  const dir = join(root, `case-${++folders}`);
  mkdirSync(dir);
  return dir;
};

/** A file someone wants overwritten: it must read the same after every command. */
const victim = (): string => {
  const file = join(folder(), 'victim.txt');
  writeFileSync(file, 'precious\n');
  return file;
};

async function organization() {
  const config = parsedConfig();
  const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'files', clock });
  const { catalogue } = i18nFor('en');
  const opened = await openCycle(
    { store, clock, config, catalogue, localDate: helsinkiDate },
    { name: '2027-Q1', dueDate: '2027-02-15', by: 'slack:UCOORD' },
  );
  if (!opened.ok) throw new Error(opened.code);
  return cliOn(() => ({ config, store }));
}

describe('tasa export --out', () => {
  it('never writes through a link placed at a file name, even with --force, and leaves nothing behind', async () => {
    const run = await organization();
    const names = readdirSync((await exported(run)).dir);
    const target = victim();
    const dir = folder();
    const report = names.find((name) => name.endsWith('report.html')) ?? '';
    symlinkSync(target, join(dir, report));
    for (const force of [[], ['--force']]) {
      const result = await run('export', '--out', dir, ...force);
      expect(result).toMatchObject({ code: 1, out: [] });
      expect(result.err).toEqual([
        `${join(dir, report)} is a link to another file; Tasa does not write through links. Remove it or choose another name.`,
      ]);
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
      expect(readdirSync(dir)).toEqual([report]);
    }
  });

  it('refuses to replace an export without --force, and replaces it with --force', async () => {
    const run = await organization();
    const { dir, names } = await exported(run);
    const answers = join(dir, names.find((name) => name.endsWith('answers.csv')) ?? '');
    writeFileSync(answers, 'edited by hand');
    const again = await run('export', '--out', dir);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([
      expect.stringMatching(/ already exists; add --force to replace it\.$/),
    ]);
    expect(readFileSync(answers, 'utf8')).toBe('edited by hand');
    expect((await run('export', '--out', dir, '--force')).code).toBe(0);
    expect(readFileSync(answers, 'utf8')).not.toBe('edited by hand');
  });

  it('says in one line that a folder cannot be made under a file', async () => {
    const run = await organization();
    const file = victim();
    const result = await run('export', '--out', join(file, 'x'));
    expect(result).toMatchObject({ code: 1, out: [] });
    expect(result.err).toEqual([
      `Cannot use ${join(file, 'x')}: part of the path is a file, not a folder.`,
    ]);
  });
});

async function exported(run: Awaited<ReturnType<typeof organization>>) {
  const dir = folder();
  const result = await run('export', '--out', dir);
  expect(result.code).toBe(0);
  return { dir, names: readdirSync(dir) };
}

describe('tasa privacy export --out', () => {
  it('never writes through a link placed at the file, even with --force', async () => {
    const run = await organization();
    const target = victim();
    const file = join(folder(), 'kaisa.json');
    symlinkSync(target, file);
    for (const force of [[], ['--force']]) {
      const result = await run('privacy', 'export', 'UCOORD', '--out', file, ...force);
      expect(result.code).toBe(1);
      expect(result.err).toEqual([
        `${file} is a link to another file; Tasa does not write through links. Remove it or choose another name.`,
      ]);
      expect(readFileSync(target, 'utf8')).toBe('precious\n');
    }
  });

  it('does not write into a hard link to another file either', async () => {
    const run = await organization();
    const target = victim();
    const file = join(folder(), 'kaisa.json');
    linkSync(target, file);
    const result = await run('privacy', 'export', 'UCOORD', '--force', '--out', file);
    expect(result.code).toBe(1);
    expect(result.err[0]).toContain('is a link to another file');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it('writes a new file readable by its owner only; replaces one only with --force', async () => {
    const run = await organization();
    const file = join(folder(), 'kaisa.json');
    expect(await run('privacy', 'export', 'UCOORD', '--out', file)).toMatchObject({
      code: 0,
      out: [`Wrote what Tasa keeps about slack:UCOORD to ${file}.`],
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'old');
    expect(await run('privacy', 'export', 'UCOORD', '--out', file)).toMatchObject({
      code: 1,
      err: [`${file} already exists; add --force to replace it.`],
    });
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect((await run('privacy', 'export', 'UCOORD', '--force', '--out', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ person: 'slack:UCOORD' });
  });

  it('says in one line what is wrong with a path that cannot be written', async () => {
    const run = await organization();
    const file = victim();
    const dir = folder();
    const cases: [string, string][] = [
      [join(file, 'x'), `Cannot use ${join(file, 'x')}: part of the path is a file, not a folder.`],
      [
        join(dir, 'missing', 'x.json'),
        `Cannot use ${join(dir, 'missing', 'x.json')}: its folder does not exist.`,
      ],
      [dir, `${dir} is a folder; give the name of a file.`],
    ];
    for (const [out, message] of cases) {
      expect(await run('privacy', 'export', 'UCOORD', '--out', out)).toMatchObject({
        code: 1,
        out: [],
        err: [message],
      });
    }
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('refuses a FIFO placed at the file instead of waiting on it', async () => {
    const run = await organization();
    const fifo = join(folder(), 'kaisa.json');
    execFileSync('mkfifo', [fifo]);
    const result = await run('privacy', 'export', 'UCOORD', '--force', '--out', fifo);
    expect(result).toMatchObject({
      code: 1,
      err: [`${fifo} is not a regular file; choose another name.`],
    });
    expect(existsSync(fifo)).toBe(true);
  });
});
