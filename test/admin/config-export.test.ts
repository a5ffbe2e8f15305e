import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { cliOn } from '../helpers/cli.ts';
import { cityConfig, createWorld } from '../helpers/world.ts';
import { say } from './say.ts';

describe('tasa config export', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function changedInChat() {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    const admin = (text: string) => say(world.core, 'UCOORD', `admin ${text}`);
    await admin('contact add culture maria@city.example');
    await admin('department add social Social services <@USOC1>');
    await admin('keyfactors social KF01,KF04');
    await admin('department retire culture');
    await admin('coordinator add <@UCOORD2>');
    return world;
  }

  it('writes the running configuration, which passes check-config and reads back the same', async () => {
    const world = await changedInChat();
    const dir = mkdtempSync(join(tmpdir(), 'tasa-export-'));
    dirs.push(dir);
    const file = join(dir, 'tasa.yaml');
    const tasa = cliOn(() => ({ config: world.config, store: world.store }));

    const exported = await tasa('config export', '--out', file);
    expect(exported).toMatchObject({ code: 0, err: [] });
    expect(exported.out).toEqual([`Wrote the running configuration (revision 6) to ${file}.`]);
    expect(await tasa('check-config', file)).toMatchObject({ code: 0, err: [] });
    const back = parseConfig(readFileSync(file, 'utf8'));
    if (!back.ok) throw new Error('the export does not parse');
    expect(back.config).toEqual(world.core.settings.current());
    expect(back.config.departments.map((d) => [d.id, d.retired ?? false])).toEqual([
      ['education', false],
      ['culture', true],
      ['social', false],
    ]);
    // An existing file is replaced only when asked to.
    expect((await tasa('config export', '--out', file)).code).toBe(1);
    expect((await tasa('config export', '--out', file, '--force')).code).toBe(0);
  });

  it('keeps the file’s comments and sections, changing only the people part', async () => {
    const world = await changedInChat();
    const dir = mkdtempSync(join(tmpdir(), 'tasa-export-'));
    dirs.push(dir);
    const source = join(dir, 'tasa.yaml');
    writeFileSync(source, `# Testikaupunki's Tasa\n${cityConfig}`);
    const run = cliOn(() => ({ config: world.config, store: world.store }));
    // The CLI reads the file TASA_CONFIG names; here the in-process runner's default.
    const cwd = process.cwd();
    process.chdir(dir);
    const { code, out } = await run('config', 'export').finally(() => process.chdir(cwd));
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^# Testikaupunki's Tasa\n/);
    expect(text).toContain('maria@city.example');
    const back = parseConfig(text);
    expect(back.ok && back.config).toEqual(world.core.settings.current());
  });

  it('writes the file back as it is when nothing was changed in chat', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    const dir = mkdtempSync(join(tmpdir(), 'tasa-export-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'tasa.yaml'), `# Testikaupunki's Tasa\n${cityConfig}`);
    const run = cliOn(() => ({ config: world.config, store: world.store }));
    const cwd = process.cwd();
    process.chdir(dir);
    const { out } = await run('config', 'export').finally(() => process.chdir(cwd));
    expect(`${out.join('\n')}\n`).toBe(`# Testikaupunki's Tasa\n${cityConfig}`);
  });
});
