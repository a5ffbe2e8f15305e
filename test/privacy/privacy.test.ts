import { describe, expect, it } from 'vitest';
import { createItems, getItem } from '../../src/action-plans/repository.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { runCli } from '../../src/cli/run.ts';
import { updatePersonState, personState } from '../../src/people/preferences.ts';
import { privacyOf } from '../../src/core.ts';
import { applyRetention } from '../../src/privacy/privacy.ts';
import { createWorld } from '../helpers/world.ts';
import { i18nFor } from '../helpers/i18n.ts';

async function worldWithHistory() {
  const world = createWorld();
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  const eeva = world.person('UEDU1');
  const erkki = world.person('UEDU2');
  await eeva.act({ kind: 'start', cycle: '2027-Q1', department: 'education', keyFactor: 'KF01' });
  await eeva.act({
    kind: 'answer',
    cycle: '2027-Q1',
    department: 'education',
    question: 'KF01.Q1',
    status: 'no',
    revision: 0,
  });
  await erkki.act({
    kind: 'answer',
    cycle: '2027-Q1',
    department: 'education',
    question: 'KF01.Q1',
    status: 'partly',
    revision: 1,
  });
  await eeva.act({
    kind: 'explain',
    cycle: '2027-Q1',
    department: 'education',
    question: 'KF01.Q2',
    revision: 0,
  });
  await eeva.submit({
    status: 'yes',
    explanation: 'The council adopted a statement.',
    evidence: [{ url: 'https://www.hel.fi/x' }],
  });
  await eeva.act({
    kind: 'rate',
    cycle: '2027-Q1',
    department: 'education',
    keyFactor: 'KF01',
    rating: 'started',
  });
  await updatePersonState(world.store, 'slack:UEDU1', (s) => ({
    ...s,
    language: 'fi',
    awayUntil: '2027-07-31',
  }));
  await createItems(world.store, [
    {
      title: 'Staff training',
      description: '',
      serves: [{ framework: 'integrating-cities', item: 'KF08' }],
      owners: ['slack:UEDU1', 'slack:UEDU2'],
      due: '2027-06-30',
      status: 'in_progress',
      notes: [{ text: 'First course held.', by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' }],
      evidence: [],
      created: { by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' },
      history: [
        {
          field: 'status',
          from: 'planned',
          to: 'in_progress',
          by: 'slack:UEDU1',
          at: '2027-01-04T08:00:00.000Z',
        },
      ],
    },
  ]);
  return world;
}

describe('privacy', () => {
  it('exports everything attributed to a person', async () => {
    const world = await worldWithHistory();
    const data = await privacyOf(world.store, world.directory).export(
      'slack:UEDU1',
      new Date('2027-01-05T00:00:00Z'),
    );
    expect(data.preferences).toMatchObject({ language: 'fi', awayUntil: '2027-07-31' });
    expect(
      data.answers.map((a) => [a.question, a.answer.by, a.earlierVersions.map((v) => v.status)]),
    ).toEqual([
      ['KF01.Q1', 'slack:UEDU2', ['no']],
      ['KF01.Q2', 'slack:UEDU1', []],
    ]);
    expect(data.answers[1]?.answer.explanation).toBe('The council adopted a statement.');
    expect(data.ratings.map((r) => [r.keyFactor, r.rating.rating])).toEqual([['KF01', 'started']]);
    expect(data.actionItems).toEqual([
      {
        id: 'A1',
        title: 'Staff training',
        roles: ['owner', 'creator'],
        notes: [{ text: 'First course held.', at: '2027-01-04T08:00:00.000Z' }],
        changes: [
          { field: 'status', from: 'planned', to: 'in_progress', at: '2027-01-04T08:00:00.000Z' },
        ],
      },
    ]);
  });

  it('erases a person: answers keep their content, attributed to the department', async () => {
    const world = await worldWithHistory();
    expect(await privacyOf(world.store, world.directory).erase('slack:UEDU1')).toEqual({
      records: 1,
      actionItems: 1,
    });
    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(record.answers['KF01.Q2']).toMatchObject({
      by: 'department:education',
      explanation: 'The council adopted a statement.',
      status: 'yes',
    });
    expect(record.answers['KF01.Q1']?.by).toBe('slack:UEDU2');
    expect(record.answers['KF01.Q1']?.history[0]?.by).toBe('department:education');
    expect(record.ratings.KF01?.by).toBe('department:education');
    expect(JSON.stringify(record)).not.toContain('slack:UEDU1');
    const item = await getItem(world.store, 'A1');
    expect(item?.owners).toEqual(['slack:UEDU2']);
    expect(JSON.stringify(item)).not.toContain('slack:UEDU1');
    expect(await personState(world.store, 'slack:UEDU1')).toEqual({});
    const after = await privacyOf(world.store, world.directory).export('slack:UEDU1', new Date());
    expect([after.answers, after.ratings, after.actionItems]).toEqual([[], [], []]);
  });

  it('anonymises cycles closed before the retention period, and leaves newer ones', async () => {
    const world = await worldWithHistory();
    await world.close();
    world.clock.set(new Date('2027-04-01T08:00:00Z'));
    await world.open({ name: '2027-Q2', dueDate: '2027-05-15' });
    await world
      .person('UEDU1')
      .act({ kind: 'start', cycle: '2027-Q2', department: 'education', keyFactor: 'KF01' });
    await world.person('UEDU1').act({
      kind: 'answer',
      cycle: '2027-Q2',
      department: 'education',
      question: 'KF01.Q1',
      status: 'yes',
      revision: 0,
    });

    expect(await applyRetention(world.store, '2027-01-01T00:00:00Z')).toBe(0);
    expect(await applyRetention(world.store, '2027-03-01T00:00:00Z')).toBeGreaterThan(0);
    expect(JSON.stringify(await getRecord(world.store, '2027-Q1', 'education'))).not.toMatch(
      /slack:U/,
    );
    expect(
      (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q2']?.explanation,
    ).toBe('The council adopted a statement.');
    expect((await getRecord(world.store, '2027-Q2', 'education')).answers['KF01.Q1']?.by).toBe(
      'slack:UEDU1',
    );
  });

  it('runs from the command line, asking before it erases', async () => {
    const world = await worldWithHistory();
    const { t, catalogue } = i18nFor('en');
    const out: string[] = [];
    const err: string[] = [];
    const context = {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      t,
      language: 'en' as const,
      defaultConfigPath: 'tasa.yaml',
      catalogue,
      openOrganization: async () => ({
        config: world.config,
        store: world.store,
        directory: world.directory,
        today: '2027-01-05',
        close: async () => undefined,
      }),
    };
    expect(await runCli(['privacy', 'export', 'UEDU1'], context)).toBe(0);
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({ person: 'slack:UEDU1' });
    expect(await runCli(['privacy', 'erase', 'slack:UEDU1'], context)).toBe(2);
    expect(err.at(-1)).toBe(
      'This erases slack:UEDU1 from Tasa: answers stay, attributed to their departments. Run again with --yes to go ahead.',
    );
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q2']?.by).toBe(
      'slack:UEDU1',
    );
    expect(await runCli(['privacy', 'erase', 'slack:UEDU1', '--yes'], context)).toBe(0);
    expect(out.at(-1)).toBe('Erased slack:UEDU1: 1 department records and 1 action items changed.');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q2']?.by).toBe(
      'department:education',
    );
  });
});
