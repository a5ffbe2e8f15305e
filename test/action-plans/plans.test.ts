import { describe, expect, it } from 'vitest';
import { getItem } from '../../src/action-plans/repository.ts';
import { ruleFlags } from '../../src/action-plans/rules.ts';
import { createItems } from '../../src/action-plans/repository.ts';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { runCommand } from '../../src/commands/run.ts';
import { createCore } from '../../src/core.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { cityConfig, createWorld, parsedConfig } from '../helpers/world.ts';
import { contractMeasure } from '../helpers/fixtures.ts';

const newItem = contractMeasure;

describe('action items in chat', () => {
  it('are created from a form, and their owners are told', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew', department: 'education', serves: 'KF10' });
    const form = world.chat.forms.at(-1)!.form;
    expect(form.fields.map((f) => f.id)).toEqual([
      'title',
      'description',
      'serves',
      'department',
      'horizon',
      'means',
      'resources',
      'partners',
      'owners',
      'start',
      'due',
    ]);
    expect(form.fields.find((f) => f.id === 'serves')).toMatchObject({ initial: ['KF10'] });
    expect(await eeva.submit(newItem)).toEqual({ ok: true });

    const item = await getItem(world.store, 'A1');
    expect(item).toMatchObject({
      title: 'Anti-discrimination clause in all service contracts',
      serves: [
        { framework: 'integrating-cities', item: 'KF10' },
        { framework: 'eccar-10-point', item: 'ECCAR06' },
      ],
      owners: ['slack:UEDU1', 'slack:UEDU2'],
      status: 'planned',
      due: '2027-06-30',
      created: { by: 'slack:UEDU1' },
    });
    expect(eeva.lastText()).toContain(
      'Saved: A1 · Anti-discrimination clause in all service contracts — due 30 June 2027, planned · Education',
    );
    expect(world.person('UEDU2').lastText()).toContain(
      'Eeva Opettaja made you an owner of an action item: A1',
    );
  });

  it('refuse a form with every problem named, and create nothing', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    const result = await eeva.submit({
      title: '',
      serves: ['KF99'],
      owners: [],
      due: '2027-02-30',
      start: '2027-01-10',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        title: 'Give the action item a title.',
        serves:
          '“KF99” is not a key factor, guiding question (such as KF06.Q2), ECCAR commitment or good-relations goal.',
        owners: 'Name at least one owner.',
        due: '“2027-02-30” is not a date; write it as 2027-03-31 or 31.3.2027.',
      },
    });
    expect(await getItem(world.store, 'A1')).toBeUndefined();
  });

  it('are edited, noted, moved with a reason and completed, keeping every change', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    await eeva.submit(newItem);
    world.clock.advance(3_600_000);

    await eeva.act({ kind: 'actionEdit', item: 'A1' });
    expect(
      await eeva.submit({ ...newItem, title: 'Anti-discrimination clause in service contracts' }),
    ).toEqual({ ok: true });
    await eeva.act({ kind: 'actionNote', item: 'A1' });
    expect(await eeva.submit({ note: 'Legal services drafted the clause.' })).toEqual({ ok: true });
    await eeva.act({ kind: 'actionMove', item: 'A1' });
    expect(await eeva.submit({ due: '2027-09-30', reason: '' })).toEqual({
      ok: false,
      errors: { reason: 'Give the reason; it is kept with the change.' },
    });
    expect(
      await eeva.submit({
        due: '2027-09-30',
        reason: 'Waiting for the procurement board in August.',
      }),
    ).toEqual({ ok: true });
    await eeva.act({ kind: 'actionDone', item: 'A1' });
    expect(
      await eeva.submit({
        evidence: [{ url: 'https://www.hel.fi/hankinnat/ehto', title: 'The clause' }],
        note: 'In force from 1 September.',
      }),
    ).toEqual({ ok: true });

    const item = (await getItem(world.store, 'A1'))!;
    expect(item.status).toBe('done');
    expect(item.due).toBe('2027-09-30');
    expect(item.evidence).toEqual([
      { url: 'https://www.hel.fi/hankinnat/ehto', title: 'The clause' },
    ]);
    expect(item.notes.map((n) => n.text)).toEqual([
      'Legal services drafted the clause.',
      'In force from 1 September.',
    ]);
    expect(item.history.map((h) => [h.field, h.from, h.to, h.reason ?? '', h.by])).toEqual([
      [
        'title',
        'Anti-discrimination clause in all service contracts',
        'Anti-discrimination clause in service contracts',
        '',
        'slack:UEDU1',
      ],
      ['status', 'planned', 'in_progress', '', 'slack:UEDU1'],
      [
        'due',
        '2027-06-30',
        '2027-09-30',
        'Waiting for the procurement board in August.',
        'slack:UEDU1',
      ],
      ['status', 'in_progress', 'done', '', 'slack:UEDU1'],
    ]);
    expect(item.history.every((h) => h.at === '2027-01-04T09:00:00.000Z')).toBe(true);
  });

  it('can only be changed by their owners and coordinators', async () => {
    const world = createWorld();
    await world.person('UEDU1').act({ kind: 'actionNew' });
    await world.person('UEDU1').submit(newItem);
    const kalle = world.person('UCULT1');
    await kalle.act({ kind: 'actionDone', item: 'A1' });
    expect(kalle.lastText()).toBe('Only the owners of A1 and the coordinators can change it.');
    await world.person('UCOORD').act({ kind: 'actionDone', item: 'A1' });
    expect(await world.person('UCOORD').submit({})).toEqual({ ok: true });
    expect((await getItem(world.store, 'A1'))?.status).toBe('done');
  });
});

describe('the frameworks’ rules', () => {
  const item = (
    id: string,
    serves: ActionItem['serves'],
    status: ActionItem['status'] = 'planned',
  ): Omit<ActionItem, 'id'> => ({
    title: id,
    description: '',
    serves,
    owners: ['slack:UEDU1'],
    due: '2027-06-30',
    status,
    notes: [],
    evidence: [],
    created: { by: 'x', at: '2027-01-01T00:00:00Z' },
    history: [],
  });

  it('flag an ECCAR commitment with no measure in progress or done, and too many good-relations goals', async () => {
    const config = parsedConfig(
      cityConfig.replace(
        'frameworks: [integrating-cities, eccar-10-point]',
        'frameworks: [integrating-cities, eccar-10-point, hvs-7-goals]',
      ) +
        'actionPlans: { goodRelations: { period: 2027–2028, focusGoals: [HVS1, HVS2, HVS3, HVS4] } }\n',
    );
    const items = [
      ...Array.from({ length: 8 }, (_, i) =>
        item(
          `m${i}`,
          [{ framework: 'eccar-10-point', item: `ECCAR0${i + 1}` }],
          i === 0 ? 'done' : 'in_progress',
        ),
      ),
      item('cancelled', [{ framework: 'eccar-10-point', item: 'ECCAR09' }], 'cancelled'),
      item('on paper', [{ framework: 'eccar-10-point', item: 'ECCAR09' }], 'planned'),
    ];
    expect(ruleFlags(config, items as ActionItem[])).toEqual([
      { kind: 'commitmentWithoutMeasure', item: 'ECCAR09', planned: 1 },
      { kind: 'commitmentWithoutMeasure', item: 'ECCAR10', planned: 0 },
      { kind: 'tooManyFocusGoals', goals: ['HVS1', 'HVS2', 'HVS3', 'HVS4'], max: 3 },
    ]);

    const world = createWorld({ config });
    await createItems(world.store, items);
    const core = createCore({
      config,
      store: world.store,
      clock: world.clock,
      logger: memoryLogger(),
      i18n: world.i18n,
      catalogue: world.catalogue,
      platforms: ['slack'],
      port: world.chat.port,
    });
    const reply = await runCommand(
      core,
      world.cycleDeps,
      { platform: 'slack', id: 'UCOORD' },
      'actions',
    );
    expect(reply.text).toContain(
      'ECCAR: ECCAR09 Promoting cultural diversity has 1 action item planned, none in progress or done. ' +
        'The city chooses its priorities, but must carry out at least one measure under every commitment as soon as possible.',
    );
    expect(reply.text).toContain(
      'ECCAR: no action item in progress or done under ECCAR10 Hate crimes and conflict management.',
    );
    expect(reply.text).toContain(
      'Good relations: the plan focuses on 4 goals (HVS1, HVS2, HVS3, HVS4); a period may focus on at most 3.',
    );
    const overdue = await runCommand(
      core,
      world.cycleDeps,
      { platform: 'slack', id: 'UCOORD' },
      'actions overdue',
    );
    expect(overdue.text).toContain('No action items.');
  });
});
