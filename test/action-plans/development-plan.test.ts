import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSummaryKey } from '../../src/action-plans/briefs.ts';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { planFlags } from '../../src/action-plans/plan-summary-repository.ts';
import { allItems, createItems, getItem, itemBriefs } from '../../src/action-plans/repository.ts';
import { measureCounts, ruleFlags } from '../../src/action-plans/rules.ts';
import { runCommand } from '../../src/commands/run.ts';
import { exportFiles, fileText } from '../../src/reports/export/index.ts';
import { gatherExport } from '../../src/reports/gather-export.ts';
import { cliOn } from '../helpers/cli.ts';
import { contractMeasure, storedItem } from '../helpers/fixtures.ts';
import { cityConfig, createWorld, parsedConfig, type World } from '../helpers/world.ts';

const dir = mkdtempSync(join(tmpdir(), 'tasa-development-plan-'));

/** The measure of the contract clause, with what ECCAR asks a city to name. */
const fullMeasure = {
  ...contractMeasure,
  serves: ['KF10.Q2', 'ECCAR06'],
  horizon: 'long_term',
  means: 'A clause in every contract; suppliers report once a year.',
  resources: 'Half a procurement lawyer’s year; 5 000 € for training.',
  partners: 'Finnish Red Cross\nRefugee Advice Centre; Migrant Business Network',
};

async function exported(world: World) {
  const cycle = await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  if (!cycle.ok) throw new Error('no cycle');
  const input = await gatherExport({
    store: world.store,
    config: world.config,
    catalogue: world.catalogue,
    i18n: world.i18n,
    directory: world.directory,
    cycle: cycle.cycle,
    language: 'en',
    now: new Date('2027-01-11T08:00:00Z'),
  });
  const files = exportFiles(input);
  const text = (suffix: string) => fileText(files.find((f) => f.name.endsWith(suffix))!);
  return { csv: text('-actions.csv'), report: text('-report.html') };
}

describe('a measure that serves a guiding question', () => {
  it('is accepted for a question of the catalogue and counted under its key factor', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    expect(await eeva.submit({ ...contractMeasure, serves: ['kf06.q2', 'KF06'] })).toEqual({
      ok: true,
    });
    const item = (await getItem(world.store, 'A1'))!;
    expect(item.serves).toEqual([
      { framework: 'integrating-cities', item: 'KF06', question: 'KF06.Q2' },
      { framework: 'integrating-cities', item: 'KF06' },
    ]);
    // One measure for KF06, however many of its parts it names.
    expect(measureCounts([item])).toEqual({ 'integrating-cities': { KF06: 1 } });

    await eeva.act({ kind: 'actionNew' });
    // KF06 has seven guiding questions; KF04 has three.
    expect(await eeva.submit({ ...contractMeasure, serves: ['KF06.Q8', 'KF04.Q0'] })).toEqual({
      ok: false,
      errors: {
        serves:
          '“KF06.Q8” is not a key factor, guiding question (such as KF06.Q2), ECCAR commitment or good-relations goal. ' +
          '“KF04.Q0” is not a key factor, guiding question (such as KF06.Q2), ECCAR commitment or good-relations goal.',
      },
    });
    expect(await getItem(world.store, 'A2')).toBeUndefined();
  });

  it('is offered after a key factor where answers were No or Partly, pre-filled with each question', async () => {
    const world = createWorld();
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    for (const status of ['Yes', 'Partly', 'No', 'Yes']) await eeva.click(status);
    await eeva.click('In progress');
    const thanks = eeva
      .messages()
      .find((m) => world.chat.text(m.view).includes('is done for Education'))!;
    const buttons = world.chat.buttons(thanks.view);
    expect(buttons.map((b) => [b.label, b.action])).toEqual([
      ['New action item…', { kind: 'actionNew', department: 'education', serves: 'KF01' }],
      [
        'New action item for question 2…',
        { kind: 'actionNew', department: 'education', serves: 'KF01.Q2' },
      ],
      [
        'New action item for question 3…',
        { kind: 'actionNew', department: 'education', serves: 'KF01.Q3' },
      ],
    ]);

    await eeva.click('New action item for question 3…', thanks);
    const form = world.chat.forms.at(-1)!.form;
    expect(form.context).toEqual({ kind: 'actionNew', department: 'education', serves: 'KF01.Q3' });
    const serves = form.fields.find((f) => f.id === 'serves');
    expect(serves).toMatchObject({ initial: ['KF01.Q3'] });
    expect(serves?.type === 'multiChoice' && serves.options.map((o) => o.value)).toContain(
      'KF01.Q3',
    );
    expect(
      await eeva.submit({
        title: 'Mayor’s statement in the council',
        serves: ['KF01.Q3'],
        department: 'education',
        owners: ['UEDU1'],
        due: '2027-03-31',
      }),
    ).toEqual({ ok: true });
    expect((await getItem(world.store, 'A1'))?.serves).toEqual([
      { framework: 'integrating-cities', item: 'KF01', question: 'KF01.Q3' },
    ]);
  });

  it('is listed in the form under its key factor, within the 100 options Slack shows', async () => {
    const everyFramework = cityConfig.replace(
      'frameworks: [integrating-cities, eccar-10-point]',
      'frameworks: [integrating-cities, eccar-10-point, hvs-7-goals]',
    );
    const world = createWorld({ config: parsedConfig(everyFramework) });
    await world.person('UCOORD').act({ kind: 'actionNew' });
    const serves = world.chat.forms.at(-1)!.form.fields.find((f) => f.id === 'serves');
    const values = serves?.type === 'multiChoice' ? serves.options.map((o) => o.value) : [];
    expect(values.slice(0, 6)).toEqual([
      'KF01',
      'KF01.Q1',
      'KF01.Q2',
      'KF01.Q3',
      'KF01.Q4',
      'KF02',
    ]);
    expect(values).toContain('HVS7');
    expect(values.length).toBeLessThanOrEqual(100);
  });
});

describe('horizon, means, resources and partners', () => {
  it('go through the form, are shown again for editing, and an emptied one is gone', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    expect(await eeva.submit(fullMeasure)).toEqual({ ok: true });
    expect(await getItem(world.store, 'A1')).toMatchObject({
      horizon: 'long_term',
      means: 'A clause in every contract; suppliers report once a year.',
      resources: 'Half a procurement lawyer’s year; 5 000 € for training.',
      partners: ['Finnish Red Cross', 'Refugee Advice Centre', 'Migrant Business Network'],
    });

    await eeva.act({ kind: 'actionEdit', item: 'A1' });
    const form = world.chat.forms.at(-1)!.form;
    const initial = (id: string) => {
      const field = form.fields.find((f) => f.id === id);
      return field && 'initial' in field ? field.initial : undefined;
    };
    expect(initial('horizon')).toBe('long_term');
    expect(initial('serves')).toEqual(['KF10.Q2', 'ECCAR06']);
    expect(initial('partners')).toBe(
      'Finnish Red Cross\nRefugee Advice Centre\nMigrant Business Network',
    );
    expect(await eeva.submit({ ...fullMeasure, horizon: 'quick_win', means: '' })).toEqual({
      ok: true,
    });
    const edited = (await getItem(world.store, 'A1'))!;
    expect(edited.horizon).toBe('quick_win');
    expect(edited).not.toHaveProperty('means');
    expect(edited.resources).toBe(fullMeasure.resources);
    expect(edited.history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['horizon', 'long_term', 'quick_win'],
      ['means', fullMeasure.means, ''],
    ]);
  });

  it('are checked: a horizon must be one of the two, a partner’s name is not an essay', async () => {
    const world = createWorld();
    const eeva = world.person('UEDU1');
    await eeva.act({ kind: 'actionNew' });
    expect(
      await eeva.submit({ ...fullMeasure, horizon: 'someday', partners: 'x'.repeat(201) }),
    ).toMatchObject({
      ok: false,
      errors: {
        horizon: '“someday” is not a horizon; use quick_win or long_term.',
        partners: expect.stringContaining('201'),
      },
    });
    const many = Array.from({ length: 21 }, (_, i) => `Association ${i + 1}`).join('\n');
    expect(await eeva.submit({ ...fullMeasure, partners: many })).toEqual({
      ok: false,
      errors: { partners: 'Name at most 20 partners.' },
    });
    expect(await getItem(world.store, 'A1')).toBeUndefined();
  });

  it('are imported from CSV and YAML and exported again', async () => {
    const world = createWorld();
    const run = cliOn(() => ({ config: world.config, store: world.store }));
    const csv = join(dir, 'plan.csv');
    writeFileSync(
      csv,
      [
        'title;serves;department;horizon;means;resources;partners;owners;due;status',
        'Interpreting in every service point;KF06.Q2 ECCAR06;education;Quick win;' +
          'Phone interpreting at every desk;"20 000 €, from the service budget";' +
          'Refugee Advice Centre | Finnish Red Cross;slack:UEDU1;2027-05-31;in progress',
      ].join('\n'),
    );
    const yaml = join(dir, 'plan.yaml');
    writeFileSync(
      yaml,
      [
        'actions:',
        '  - title: Hate-crime reporting guide',
        '    serves: [ECCAR10]',
        '    horizon: long-term',
        '    partners: [Victim Support Finland, "Police, Helsinki"]',
        '    owners: [slack:UCOORD]',
        '    due: 2027-09-30',
      ].join('\n'),
    );
    expect((await run('import', 'actions', csv)).code).toBe(0);
    expect((await run('import', 'actions', yaml)).code).toBe(0);
    const [first, second] = await allItems(world.store);
    expect(first).toMatchObject({
      serves: [
        { framework: 'integrating-cities', item: 'KF06', question: 'KF06.Q2' },
        { framework: 'eccar-10-point', item: 'ECCAR06' },
      ],
      horizon: 'quick_win',
      means: 'Phone interpreting at every desk',
      resources: '20 000 €, from the service budget',
      partners: ['Refugee Advice Centre', 'Finnish Red Cross'],
    });
    expect(second).toMatchObject({
      horizon: 'long_term',
      partners: ['Victim Support Finland', 'Police, Helsinki'],
    });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'title;serves;owners;due;horizon\nX;KF01.Q9;slack:UEDU1;2027-05-31;soon\n');
    expect((await run('import', 'actions', bad, '--dry-run')).err).toEqual([
      'Line 2: serves: “KF01.Q9” is not a key factor, guiding question (such as KF06.Q2), ECCAR commitment or good-relations goal.',
      'Line 2: horizon: “soon” is not a horizon; use quick_win or long_term.',
      `Nothing was imported: 2 problem(s) in ${bad}.`,
    ]);

    const { csv: actions, report } = await exported(world);
    const header = actions.split('\r\n')[0]!;
    expect(header).toContain(
      ',serves,department_id,department,horizon_code,horizon,means,resources,partners,',
    );
    expect(actions).toContain(
      'A1,Interpreting in every service point,,KF06.Q2 | ECCAR06,education,Education,quick_win,Quick win,' +
        'Phone interpreting at every desk,"20 000 €, from the service budget",Refugee Advice Centre | Finnish Red Cross,',
    );
    expect(actions).toContain(
      ',long_term,Long-term,,,"Victim Support Finland | Police, Helsinki",',
    );
    // The report lists the measure under KF06, with what the city adopts and with whom.
    const kf06 = report.slice(report.indexOf('<h2 id="KF06">')).split('</section>')[0]!;
    expect(kf06).toContain('Interpreting in every service point');
    expect(kf06).toContain('<li>Quick win</li>');
    expect(kf06).toContain('<strong>Means:</strong> Phone interpreting at every desk');
    expect(kf06).toContain('<strong>Partners:</strong> Refugee Advice Centre, Finnish Red Cross');
  });
});

describe('the ECCAR rule', () => {
  const eccar = (item: string) => [{ framework: 'eccar-10-point' as const, item }];
  const plan = [
    storedItem({ title: 'On paper', serves: eccar('ECCAR01'), status: 'planned' }),
    storedItem({ title: 'Also on paper', serves: eccar('ECCAR01'), status: 'planned' }),
    storedItem({ title: 'Under way', serves: eccar('ECCAR02'), status: 'in_progress' }),
    storedItem({ title: 'Planned too', serves: eccar('ECCAR02'), status: 'planned' }),
    storedItem({ title: 'Finished', serves: eccar('ECCAR03'), status: 'done' }),
    storedItem({ title: 'Dropped', serves: eccar('ECCAR04'), status: 'cancelled' }),
  ];

  it('counts only measures in progress or done, and names planned ones as planned', () => {
    const flags = ruleFlags(parsedConfig(), plan as ActionItem[]);
    expect(flags.slice(0, 3)).toEqual([
      { kind: 'commitmentWithoutMeasure', item: 'ECCAR01', planned: 2 },
      { kind: 'commitmentWithoutMeasure', item: 'ECCAR04', planned: 0 },
      { kind: 'commitmentWithoutMeasure', item: 'ECCAR05', planned: 0 },
    ]);
    expect(flags.map((f) => f.kind === 'commitmentWithoutMeasure' && f.item)).not.toContain(
      'ECCAR02',
    );
    expect(flags).toHaveLength(8);
  });

  it('says so wherever status is shown, worded as the ECCAR text words it', async () => {
    const world = createWorld({ config: parsedConfig(cityConfig) });
    await createItems(world.store, plan);
    const text = world.chat.text(
      await runCommand(world.core, world.cycleDeps, { platform: 'slack', id: 'UCOORD' }, 'actions'),
    );
    expect(text).toContain(
      'ECCAR: ECCAR01 Greater vigilance against racism has 2 action items planned, none in progress or done. ' +
        'The city chooses its priorities, but must carry out at least one measure under every commitment as soon as possible.',
    );
    expect(text).toMatch(/ECCAR: no action item in progress or done under ECCAR04 /);
    expect(text).not.toMatch(/under ECCAR02 |ECCAR02 [^\n]* has/);
    expect(text).not.toMatch(/under ECCAR03 |ECCAR03 [^\n]* has/);
  });

  it('reads the same from the small plan summary, rebuilt when it was kept in an older shape', async () => {
    const world = createWorld();
    await createItems(world.store, plan);
    const expected = ruleFlags(world.config, await itemBriefs(world.store));
    expect(await planFlags(world.store, world.config)).toEqual(expected);
    // A summary saved before it counted measures under way: every planned one counted then.
    await world.store.set(planSummaryKey, {
      owners: [],
      measures: { 'eccar-10-point': { ECCAR01: 2 } },
    });
    expect(await planFlags(world.store, world.config)).toEqual(expected);
    // A change on top of it starts from every brief, not from the old counts.
    await world.store.set(planSummaryKey, { owners: [], measures: {} });
    await createItems(world.store, [storedItem({ serves: eccar('ECCAR05'), status: 'done' })]);
    expect(await planFlags(world.store, world.config)).toEqual(
      ruleFlags(world.config, await itemBriefs(world.store)),
    );
    expect(
      (await planFlags(world.store, world.config)).some(
        (f) => f.kind === 'commitmentWithoutMeasure' && f.item === 'ECCAR05',
      ),
    ).toBe(false);
  });
});
