import { describe, expect, it } from 'vitest';
import { createItems } from '../../src/action-plans/repository.ts';
import type { ActionItem } from '../../src/action-plans/item.ts';
import type { Action } from '../../src/chat/actions.ts';
import { closeCycle, openCycle } from '../../src/cycles/lifecycle.ts';
import { requestDigest, requestRollup } from '../../src/reports/post.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { createReplica } from '../helpers/runtime.ts';
import { parsedConfig } from '../helpers/world.ts';
import { drive } from '../helpers/drive.ts';

const item = (
  title: string,
  due: string,
  serves: ActionItem['serves'],
): Omit<ActionItem, 'id'> => ({
  title,
  description: '',
  serves,
  department: 'education',
  owners: ['slack:UEDU1'],
  due,
  status: 'planned',
  notes: [],
  evidence: [],
  created: { by: 'slack:UCOORD', at: '2027-01-01T08:00:00Z' },
  history: [],
});

async function setup() {
  const config = parsedConfig();
  const clock = fixedClock(new Date('2026-10-05T08:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'reports', clock });
  const chat = createFakeChat();
  const tasa = createReplica({ config, store, clock, chat });
  const eeva = { platform: 'slack' as const, id: 'UEDU1' };
  const kalle = { platform: 'slack' as const, id: 'UCULT1' };
  const act = (actor: typeof eeva, action: Action) => drive(tasa).handleAction(actor, action);
  const where = (cycle: string, department = 'education') => ({ cycle, department });

  // The previous cycle: Education rated key factor 1 "started".
  await openCycle(tasa.cycleDeps, { name: '2026-Q4', dueDate: '2026-12-15', by: 'slack:UCOORD' });
  await act(eeva, { kind: 'start', ...where('2026-Q4'), keyFactor: 'KF01' });
  await act(eeva, { kind: 'rate', ...where('2026-Q4'), keyFactor: 'KF01', rating: 'started' });
  await closeCycle(tasa.cycleDeps, 'slack:UCOORD');

  clock.set(new Date('2027-01-04T08:00:00Z'));
  await openCycle(tasa.cycleDeps, { name: '2027-Q1', dueDate: '2027-02-15', by: 'slack:UCOORD' });
  await act(eeva, { kind: 'start', ...where('2027-Q1'), keyFactor: 'KF01' });
  await act(eeva, {
    kind: 'answer',
    ...where('2027-Q1'),
    question: 'KF01.Q1',
    status: 'yes',
    revision: 0,
  });
  await drive(tasa).submitForm(
    eeva,
    { kind: 'explain', ...where('2027-Q1'), question: 'KF01.Q2', revision: 0 },
    {
      status: 'partly',
      explanation: 'Only in the strategy.',
      evidence: [{ url: 'https://www.hel.fi/strategia', title: 'City strategy' }],
    },
  );
  await act(eeva, {
    kind: 'answer',
    ...where('2027-Q1'),
    question: 'KF01.Q3',
    status: 'no',
    revision: 0,
  });
  await act(eeva, {
    kind: 'answer',
    ...where('2027-Q1'),
    question: 'KF01.Q4',
    status: 'yes',
    revision: 0,
  });
  await act(eeva, { kind: 'rate', ...where('2027-Q1'), keyFactor: 'KF01', rating: 'in_progress' });
  await createItems(store, [
    item('Recruitment guidelines', '2027-01-01', [
      { framework: 'eccar-10-point', item: 'ECCAR01' },
    ]),
    item('Staff training', '2027-01-08', [{ framework: 'integrating-cities', item: 'KF06' }]),
    item('Survey of migrant residents', '2027-01-20', [
      { framework: 'eccar-10-point', item: 'ECCAR02' },
    ]),
  ]);
  chat.messages.splice(0);
  const deps = { engine: tasa.engine, outbox: tasa.outbox, calendar: tasa.calendar };
  return { tasa, chat, clock, store, deps, act, eeva, kalle, where };
}

describe('the roll-up', () => {
  it('sums up the cycle in the channel and puts the detail in the thread, once a week', async () => {
    const { chat, clock, deps } = await setup();
    clock.set(new Date('2027-01-08T12:00:00Z'));
    expect(await requestRollup(deps, '2027-01-08')).toBe('posted');

    const [summary, detail, ...rest] = chat.to('CCOORD');
    expect(rest).toEqual([]);
    expect(chat.text(summary!.view)).toBe(
      [
        'Roll-up · cycle 2027-Q1 · week 2027-W01',
        'Answered 4/14 (29 %) · due 15 February 2027',
        'Not started yet: Culture',
        '1 new evidence link since the last roll-up',
        'Action items: 1 overdue, 1 due this week',
        // ECCAR01 and ECCAR02 have measures, but only planned ones: they count on paper only.
        '10 framework flags need attention',
        'The detail per department and key factor follows in the thread.',
      ].join('\n'),
    );
    expect(detail!.thread?.id).toBe(summary!.ref.id);
    const text = chat.text(detail!.view);
    // One row per department and key factor; zero counts are left out of the lines.
    expect(text).toContain('Education: Answered 4/11 (36 %) · Rated 1/2');
    expect(text).toContain('Culture: Answered 0/3 (0 %) · Rated 0/1');
    expect(text).toContain(
      '1. Public commitment: Answered 4/4 (100 %) · Answers Yes 2 · Partly 1 · No 1 · Own rating In progress 1',
    );
    const tables = detail!.view.blocks.filter((b) => b.type === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual([2, 3]);
    expect(text).toContain('https://www.hel.fi/strategia');
    expect(text).toContain('A1 · Recruitment guidelines — due 1 January 2027, overdue by 7 days');
    expect(text).toContain('A2 · Staff training — due 8 January 2027, due today');
    expect(text).toContain('ECCAR: no action item in progress or done under ECCAR03');
    expect(text).toContain(
      'ECCAR: ECCAR01 Greater vigilance against racism has 1 action item planned',
    );

    // A re-run in the same week posts nothing new.
    expect(await requestRollup(deps, '2027-01-08')).toBe('alreadyPosted');
    expect(chat.to('CCOORD')).toHaveLength(2);

    // Next week: no evidence added since the last roll-up.
    clock.set(new Date('2027-01-15T12:00:00Z'));
    expect(await requestRollup(deps, '2027-01-15')).toBe('posted');
    expect(chat.text(chat.to('CCOORD')[2]!.view)).toContain(
      '0 new evidence links since the last roll-up',
    );
  });
});

describe('the weekly digest', () => {
  it('gives headline numbers with their changes, the picture, actions and highlights', async () => {
    const { chat, clock, deps, act, kalle, where, tasa } = await setup();
    clock.set(new Date('2027-01-11T06:00:00Z'));
    expect(await requestDigest(deps, '2027-01-11')).toBe('posted');
    const first = chat.text(chat.to('CSTEER')[0]!.view);
    expect(first).toContain('Weekly digest · Testikaupunki · week 2027-W02');
    expect(first).toContain('Cycle 2027-Q1: 4/14 answered (29 %), 0/2 departments complete');
    expect(first).toContain('This is the first digest: changes are shown from next week on.');
    expect(first).toContain(
      'Compared with cycle 2026-Q4: answered 0 % then; key factors rated achieved 0 (then 0)',
    );
    expect(first).toContain('Action plan: 3 open, 2 overdue, 0 done');
    expect(first).toContain(
      '1. Public commitment moved up: 1 department(s) now rate it higher than in 2026-Q4.',
    );
    const picture = chat.to('CSTEER')[0]!.view.blocks.find((b) => b.type === 'image');
    expect(
      picture?.type === 'image' &&
        [...picture.png.slice(1, 4)].map((c) => String.fromCharCode(c)).join(''),
    ).toBe('PNG');
    expect(picture?.type === 'image' && picture.fileName).toBe('tasa-heatmap-2027-Q1.png');

    // During the week Culture answers everything, and the first action is done.
    clock.set(new Date('2027-01-12T09:00:00Z'));
    await act(kalle, { kind: 'start', ...where('2027-Q1', 'culture'), keyFactor: 'KF04' });
    for (const q of ['KF04.Q1', 'KF04.Q2', 'KF04.Q3']) {
      await act(kalle, {
        kind: 'answer',
        ...where('2027-Q1', 'culture'),
        question: q,
        status: 'yes',
        revision: 0,
      });
    }
    await act(kalle, {
      kind: 'rate',
      ...where('2027-Q1', 'culture'),
      keyFactor: 'KF04',
      rating: 'achieved',
    });
    await drive(tasa).submitForm(
      { platform: 'slack', id: 'UEDU1' },
      { kind: 'actionDone', item: 'A1' },
      {},
    );

    clock.set(new Date('2027-01-18T06:00:00Z'));
    expect(await requestDigest(deps, '2027-01-18')).toBe('posted');
    const second = chat.text(chat.to('CSTEER')[1]!.view);
    expect(second).toContain('Cycle 2027-Q1: 7/14 answered (50 %), 1/2 departments complete');
    expect(second).toContain(
      'Since last week: +3 answers, +1 departments complete, +1 action items done',
    );
    expect(second).toContain('key factors rated achieved 1 (then 0)');
    expect(second).toContain('Culture completed the self-assessment this week.');
    expect(second).toContain('1 action item was completed this week.');
    expect(second).toContain('A3 · Survey of migrant residents — due 20 January 2027');
    expect(await requestDigest(deps, '2027-01-18')).toBe('alreadyPosted');
  });
});
