import { describe, expect, it } from 'vitest';
import {
  openItemsKey,
  planSummaryKey,
  type ItemBrief,
  type PlanSummary,
} from '../../src/action-plans/briefs.ts';
import { isOpenItem } from '../../src/action-plans/item.ts';
import { openItemsOf, planFlags } from '../../src/action-plans/plan-summary-repository.ts';
import { createItems, itemBriefs, updateItem } from '../../src/action-plans/repository.ts';
import { ruleFlags } from '../../src/action-plans/rules.ts';
import { runCli } from '../../src/cli/run.ts';
import { runCommand } from '../../src/commands/run.ts';
import { createCore } from '../../src/core.ts';
import { privacyOf } from '../../src/core.ts';
import { applyRetention } from '../../src/privacy/privacy.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import type { Store } from '../../src/store/store.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { contractMeasure, storedItem } from '../helpers/fixtures.ts';

/*
 * `status`, `my` and App Home read small records (the plan summary and each
 * owner's open items) instead of the briefs of every item. After any write
 * they must say what the briefs say; when missing they are built again.
 */

const contract = contractMeasure;
const council = {
  title: 'Youth council hearing on discrimination',
  description: '',
  serves: ['ECCAR01'],
  department: 'culture',
  owners: ['UCULT1'],
  due: '2027-04-30',
};

/** A world with a core for slash commands, and everyone a record may ever name. */
function setup(store?: Store) {
  const world = createWorld(store ? { store } : {});
  const core = createCore({
    config: world.config,
    store: world.store,
    clock: world.clock,
    logger: memoryLogger(),
    i18n: world.i18n,
    catalogue: world.catalogue,
    platforms: ['slack'],
    port: world.chat.port,
  });
  /** A slash command's reply as the person sees it, blocks and all. */
  const command = async (user: string, text: string): Promise<string> =>
    world.chat.text(await runCommand(core, world.cycleDeps, { platform: 'slack', id: user }, text));
  const people = new Set(['UEDU1', 'UEDU2', 'UCULT1', 'UCOORD'].map((p) => `slack:${p}`));
  return { world, command, people };
}

/**
 * The saved small records against the briefs of every item, worked out here
 * on their own: the saved records are read first, so a read cannot have
 * rebuilt them.
 */
async function expectInStep(world: World, people: Set<string>): Promise<void> {
  const { store } = world;
  const summary = await store.get<PlanSummary>(planSummaryKey);
  const lists = new Map<string, ItemBrief[] | undefined>();
  const briefs = await itemBriefs(store);
  briefs.forEach((b) => b.owners.forEach((o) => people.add(o)));
  for (const person of people) lists.set(person, await store.get(openItemsKey(person)));

  const open = (person: string) => briefs.filter((b) => isOpenItem(b) && b.owners.includes(person));
  for (const person of people) {
    const expected = open(person);
    expect(lists.get(person), person).toEqual(expected.length > 0 ? expected : undefined);
    expect(await openItemsOf(store, person), person).toEqual(expected);
  }
  expect(summary?.owners).toEqual([...people].filter((p) => open(p).length > 0).sort());
  for (const framework of ['integrating-cities', 'eccar-10-point'] as const) {
    const served = new Set(
      briefs.flatMap((b) => b.serves.filter((s) => s.framework === framework).map((s) => s.item)),
    );
    for (const item of served) {
      const measures = briefs.filter(
        (b) => b.status !== 'cancelled' && b.serves.some((s) => s.item === item),
      ).length;
      expect(summary?.measures[framework]?.[item] ?? 0, item).toBe(measures);
    }
  }
  expect(await planFlags(store, world.config)).toEqual(ruleFlags(world.config, briefs));
}

/** `import actions <file>` through the command line, on the world's store. */
async function importActions(world: World, csv: string): Promise<void> {
  const { t, catalogue } = i18nFor('en');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'tasa-small-records-')), 'plan.csv');
  writeFileSync(path, csv);
  const code = await runCli(['import', 'actions', path], {
    out: () => undefined,
    err: () => undefined,
    t,
    language: 'en',
    defaultConfigPath: 'tasa.yaml',
    catalogue,
    openOrganization: async () => ({
      config: world.config,
      store: world.store,
      directory: world.directory,
      today: '2027-01-04',
      close: async () => undefined,
    }),
  });
  expect(code).toBe(0);
}

describe('the small records interactive commands read', () => {
  it('say what the briefs of every item say after every kind of change', async () => {
    const { world, command, people } = setup();
    const eeva = world.person('UEDU1');
    const kaisa = world.person('UCOORD');
    const kalle = world.person('UCULT1');
    // A closed cycle: status has one to report on, and `my` shows action items (not questions).
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    await world.close();

    await eeva.act({ kind: 'actionNew' });
    expect(await eeva.submit(contract)).toEqual({ ok: true });
    await expectInStep(world, people);
    await kaisa.act({ kind: 'actionNew' });
    expect(await kaisa.submit(council)).toEqual({ ok: true });
    await expectInStep(world, people);
    expect(await command('UEDU2', 'my')).toMatch(/\bA1 ·/);
    expect(await command('UCOORD', 'status')).not.toContain('under ECCAR06');

    // A new owner and one fewer; a framework item dropped.
    await eeva.act({ kind: 'actionEdit', item: 'A1' });
    expect(
      await eeva.submit({ ...contract, owners: ['UEDU1', 'UCULT1'], serves: ['KF10'] }),
    ).toEqual({ ok: true });
    await expectInStep(world, people);
    expect(await command('UEDU2', 'my')).not.toMatch(/\bA1 ·/);
    expect(await command('UCOORD', 'status')).toContain('under ECCAR06');
    // Soonest due first.
    expect(await command('UCULT1', 'my')).toMatch(/\bA2 ·[\s\S]*\bA1 ·/);

    await kalle.act({ kind: 'actionNote', item: 'A2' });
    expect(await kalle.submit({ note: 'Date agreed with the council.' })).toEqual({ ok: true });
    await expectInStep(world, people);

    await eeva.act({ kind: 'actionMove', item: 'A1' });
    expect(
      await eeva.submit({ due: '2027-09-30', reason: 'Procurement board in August.' }),
    ).toEqual({ ok: true });
    await expectInStep(world, people);

    await eeva.act({ kind: 'actionSnooze', item: 'A1', days: 7 });
    await expectInStep(world, people);

    await kalle.act({ kind: 'actionDone', item: 'A2' });
    expect(await kalle.submit({ note: 'Held on 28 April.' })).toEqual({ ok: true });
    await expectInStep(world, people);
    expect(await command('UCULT1', 'my')).not.toMatch(/\bA2 ·/);

    await importActions(
      world,
      [
        'title;serves;department;owners;due;status',
        'Interpreting in every service point;ECCAR06;culture;slack:UEDU2;2027-05-31;in progress',
        'Hate-crime reporting guide;ECCAR10;;slack:UCOORD slack:UEDU2;2027-03-31;cancelled',
      ].join('\n'),
    );
    await expectInStep(world, people);
    expect(await command('UEDU2', 'my')).toMatch(/\bA3 ·/);
    expect(await command('UCOORD', 'status')).not.toContain('under ECCAR06');
    expect(await command('UCOORD', 'status')).toContain('under ECCAR10');

    await privacyOf(world.store, world.directory).erase('slack:UCULT1');
    await expectInStep(world, people);
    expect(await command('UCULT1', 'my')).not.toMatch(/\bA1 ·/);

    expect(await applyRetention(world.store, '2028-01-01T00:00:00.000Z')).toBeGreaterThan(0);
    await expectInStep(world, people);
  });

  it('are built again when missing, and the answers stay the same', async () => {
    const { world, command, people } = setup();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    await eeva.submit(contract);
    await world.person('UCOORD').act({ kind: 'actionNew' });
    await world.person('UCOORD').submit(council);
    const before = {
      status: await command('UCOORD', 'status'),
      actions: await command('UCOORD', 'actions'),
      eeva: await command('UEDU1', 'my'),
      kalle: await command('UCULT1', 'my'),
    };
    expect(before.eeva).toMatch(/\bA1 ·/);
    expect(before.kalle).toMatch(/\bA2 ·/);

    // As in data kept before these records existed.
    await world.store.delete(planSummaryKey);
    for (const person of people) await world.store.delete(openItemsKey(person));

    expect(await command('UEDU1', 'my')).toBe(before.eeva);
    expect(await command('UCULT1', 'my')).toBe(before.kalle);
    expect(await command('UCOORD', 'status')).toBe(before.status);
    expect(await command('UCOORD', 'actions')).toBe(before.actions);
    await expectInStep(world, people);
  });

  it('are left missing, not wrong, by a save cut short', async () => {
    const { world: plain } = setup();
    let failOn: string | undefined;
    const store: Store = {
      ...plain.store,
      set: async (key, value, ttlMs) => {
        if (key === failOn) {
          failOn = undefined;
          throw new Error('disk full');
        }
        return plain.store.set(key, value, ttlMs);
      },
      setMany: async (entries) => {
        if (entries.some((e) => e.key === failOn)) {
          failOn = undefined;
          throw new Error('disk full');
        }
        return plain.store.setMany(entries);
      },
    };
    const { world, command, people } = setup(store);
    await createItems(store, [storedItem()]);
    const addKalle = (): Promise<unknown> =>
      updateItem(store, 'A1', (item) => ({ ...item, owners: [...item.owners, 'slack:UCULT1'] }));

    // Stopped before the item was saved: nothing changed.
    failOn = 'action:A1';
    await expect(addKalle()).rejects.toThrow('disk full');
    expect(await command('UCULT1', 'my')).not.toMatch(/\bA1 ·/);
    expect(await command('UEDU1', 'my')).toMatch(/\bA1 ·/);
    await expectInStep(world, people);

    // Stopped after the item was saved: Kalle owns it, whatever was not written yet.
    failOn = 'actions:briefs';
    await expect(addKalle()).rejects.toThrow('disk full');
    expect(await command('UCULT1', 'my')).toMatch(/\bA1 ·/);
    await expectInStep(world, people);

    failOn = openItemsKey('slack:UCULT1');
    await expect(
      updateItem(store, 'A1', (item) => ({ ...item, due: '2027-06-30' })),
    ).rejects.toThrow('disk full');
    expect(await command('UCULT1', 'my')).toContain('30 June 2027');
    await expectInStep(world, people);
  });
});
