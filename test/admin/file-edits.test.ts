import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTasa, type RunningTasa } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { cityConfig, createWorld, parsedConfig } from '../helpers/world.ts';
import { say } from './say.ts';

/** The city's file with one text replaced, as a coordinator would edit it. */
const edited = (from: string, to: string): string => {
  if (!cityConfig.includes(from)) throw new Error(`the city config has no “${from}”`);
  return cityConfig.replace(from, to);
};

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('tasa.yaml edited while Tasa runs', () => {
  const running: { tasa?: RunningTasa; dir?: string } = {};
  afterEach(async () => {
    await running.tasa?.stop();
    if (running.dir) rmSync(running.dir, { recursive: true, force: true });
  });

  async function start() {
    const dir = mkdtempSync(join(tmpdir(), 'tasa-config-'));
    const file = join(dir, 'tasa.yaml');
    writeFileSync(file, cityConfig);
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const logger = memoryLogger();
    const store = openStore({ url: 'memory:', dataDir: dir, namespace: 'file', clock });
    const tasa = await startTasa({
      config: parsedConfig(),
      configFile: file,
      store,
      logger,
      clock,
      port: 0,
      runSchedule: false,
    });
    Object.assign(running, { tasa, dir });
    /** Saves the file as editors do: a new file renamed over the old one. */
    const save = (text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };
    const logged = (message: string) => logger.lines.filter((l) => l.message === message).length;
    return { tasa, save, logger, logged };
  }

  it('applies a good edit without a restart, keeping a change made in chat', async () => {
    const { tasa, save, logged } = await start();
    await say(tasa.core, 'UCOORD', 'admin contact add culture <@UCULT2>');
    const saved = performance.now();
    save(edited('Erkki Rehtori', 'Erkki Rehtori-Virtanen'));
    await until(() => logged('tasa.yaml edit applied') === 1, 'the edit');
    console.info(`tasa.yaml saved → applied: ${Math.round(performance.now() - saved)} ms`);
    const { directory } = tasa.core;
    expect(directory.nameOf('slack:UEDU2')).toBe('Erkki Rehtori-Virtanen');
    expect(directory.contactsOf('culture')).toEqual(['slack:UCULT1', 'slack:UCULT2']);
    const history = await say(tasa.core, 'UCOORD', 'admin history');
    expect(history).toContain('tasa.yaml: file edited: departments.education.contacts');
  });

  it('refuses a bad edit with every problem in the log, and runs on as before', async () => {
    const { tasa, save, logger, logged } = await start();
    save(
      edited('{ slack: UCULT1, name: Kalle Kulttuuri }', '{ slack: kalle }').replace(
        'holidays: FI',
        'holidays: XX',
      ),
    );
    await until(() => logged('tasa.yaml edit refused') === 2, 'the refusal');
    expect(
      logger.lines.filter((l) => l.message === 'tasa.yaml edit refused').map((l) => l.fields),
    ).toEqual([
      { problem: expect.stringContaining('organization.holidays: expected a holiday calendar') },
      {
        problem: expect.stringContaining(
          'departments[1].contacts[0].slack: expected a Slack user id',
        ),
      },
    ]);
    expect(tasa.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
    // Fixed, the file is taken in.
    save(edited('Kalle Kulttuuri', 'Kalle K.'));
    await until(() => logged('tasa.yaml edit applied') === 1, 'the fixed edit');
    expect(tasa.core.directory.nameOf('slack:UCULT1')).toBe('Kalle K.');
    // SIGHUP reads the file again, here to find nothing new.
    process.emit('SIGHUP');
    await until(
      () => logger.lines.some((l) => l.message.startsWith('tasa.yaml read again')),
      'SIGHUP',
    );
  });
});

describe('how file edits and chat changes combine', () => {
  const load = async (world: ReturnType<typeof createWorld>, text: string) => {
    const read = parseConfig(text);
    return world.core.fileEdited(read);
  };

  it('the file wins for what it changed since it was last loaded; chat changes stay otherwise', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    const admin = (text: string) => say(world.core, 'UCOORD', `admin ${text}`);
    await admin('department rename culture Arts');
    await admin('keyfactors education KF01');
    await admin('contact add culture <@UCULT2>');
    await admin('coordinator add <@UCOORD2>');

    // The file renames culture and adds a contact to education; it leaves the rest alone.
    const next = edited('en: Culture }', 'en: Culture and leisure }').replace(
      '{ slack: UEDU2, name: Erkki Rehtori }',
      '{ slack: UEDU2, name: Erkki Rehtori }, { slack: UEDU3 }',
    );
    expect(await load(world, next)).toEqual({
      kind: 'applied',
      changed: ['departments.education.contacts', 'departments.culture.name'],
    });
    const config = world.core.settings.current();
    const culture = config.departments.find((d) => d.id === 'culture')!;
    const education = config.departments.find((d) => d.id === 'education')!;
    expect(culture.name).toEqual({ fi: 'Kulttuuri', sv: 'Kultur', en: 'Culture and leisure' });
    expect(culture.contacts.map((c) => c.slack)).toEqual(['UCULT1', 'UCULT2']);
    expect(education.keyFactors).toEqual(['KF01']);
    expect(education.contacts.map((c) => c.slack)).toEqual(['UEDU1', 'UEDU2', 'UEDU3']);
    expect(config.coordinators.map((c) => c.slack)).toEqual(['UCOORD', 'UCOORD2']);

    // Loading the same file again (another replica, SIGHUP) changes nothing.
    expect(await load(world, next)).toEqual({ kind: 'unchanged' });
    // The file takes out what it had put in; the chat's contact stays.
    expect(await load(world, cityConfig)).toMatchObject({ kind: 'applied' });
    const after = world.core.settings.current();
    expect(
      after.departments.find((d) => d.id === 'education')!.contacts.map((c) => c.slack),
    ).toEqual(['UEDU1', 'UEDU2']);
    expect(after.departments.find((d) => d.id === 'culture')!.contacts.map((c) => c.slack)).toEqual(
      ['UCULT1', 'UCULT2'],
    );
  });

  it('tells the coordinators of a refused edit once, in their language', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    const bad = edited('{ slack: UCULT1, name: Kalle Kulttuuri }', '{ slack: kalle }');
    expect(await load(world, bad)).toMatchObject({ kind: 'refused' });
    expect(await load(world, bad)).toMatchObject({ kind: 'refused' });
    const notices = world.chat.to('UCOORD').map((m) => world.chat.text(m.view));
    expect(notices).toEqual([
      expect.stringContaining('The edited tasa.yaml was not taken into use'),
    ]);
    expect(notices[0]).toContain('departments[1].contacts[0].slack: expected a Slack user id');
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
  });

  it('takes the same replacement made in chat and in the file once', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    await say(world.core, 'UCOORD', 'admin contact add culture <@UCULT2>');
    await say(world.core, 'UCOORD', 'admin contact remove culture <@UCULT1>');
    // The file makes the change chat made: Kalle replaced by UCULT2.
    const next = edited('{ slack: UCULT1, name: Kalle Kulttuuri }', '{ slack: UCULT2 }');
    expect(await load(world, next)).toEqual({
      kind: 'applied',
      changed: ['departments.culture.contacts'],
    });
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT2']);
  });
});

describe('a department the open cycle asks', () => {
  it('is kept, retired, when an edit of tasa.yaml takes it out', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    expect((await world.open({ name: '2027-Q1', dueDate: '2027-02-15' })).ok).toBe(true);
    const withoutCulture = cityConfig.slice(0, cityConfig.indexOf('  - id: culture'));
    expect(await world.core.fileEdited(parseConfig(withoutCulture))).toMatchObject({
      kind: 'applied',
    });
    const culture = world.core.settings.current().departments.find((d) => d.id === 'culture');
    expect(culture).toMatchObject({ retired: true });
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
  });
});
