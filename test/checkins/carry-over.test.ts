import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/checkins/answer.ts';
import { getRecord, updateRecord } from '../../src/checkins/record-repository.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { cycleStatus } from '../../src/checkins/status.ts';
import { rollupData } from '../../src/reports/rollup.ts';
import { drive } from '../helpers/drive.ts';
import { createWorld, parsedConfig, type World } from '../helpers/world.ts';

const config =
  parsedConfig(`organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { slack: UCOORD, name: Kaisa Koordinaattori } ]
channels: { coordination: { slack: CCOORD } }
departments:
  - id: social
    name: Social services
    contacts: [ { slack: USOC1, name: Sanna Sosiaali }, { slack: USOC2, name: Samuli Sosiaali } ]
    keyFactors: all
`);

const answered = (status: Answer['status'], at: string, extra: Partial<Answer> = {}): Answer => ({
  status,
  explanation: `${status} since the board decision.\nSecond line is not shown.`,
  evidence: [{ url: 'https://www.hel.fi/plan.pdf', title: 'Plan', addedAt: at }],
  by: 'slack:USOC2',
  at,
  late: false,
  revision: 1,
  history: [],
  ...extra,
});

/** The first cycle, answered in full (or as `leave` says), then closed; the second one opened. */
async function secondCycle(
  world: World,
  leave: { unanswered?: string[]; evidenceAddedAt?: string } = {},
) {
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  const first = (await getCycle(world.store, '2027-Q1'))!;
  const at = leave.evidenceAddedAt ?? '2027-01-20T10:00:00.000Z';
  await updateRecord(world.store, '2027-Q1', 'social', (record) => {
    for (const kf of first.keyFactors) {
      for (const q of kf.questions) {
        if (leave.unanswered?.includes(q.id)) continue;
        record.answers[q.id] = answered(q.number % 2 === 0 ? 'partly' : 'yes', at);
      }
      record.ratings[kf.id] = {
        rating: 'in_progress',
        limitingFactors: [],
        note: '',
        by: 'slack:USOC2',
        at,
        late: false,
        history: [],
      };
      record.started[kf.id] = { by: 'slack:USOC2', at };
    }
  });
  await world.close();
  world.clock.set(new Date('2027-04-05T07:00:00Z'));
  expect((await world.open({ name: '2027-Q2', dueDate: '2027-05-15' })).ok).toBe(true);
  return first;
}

const checkIn = async (world: World, id: string) =>
  expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q2', '2027-04-05')).toBe('sent');

describe('carrying last cycle’s answers over', () => {
  it('completes a whole unchanged cycle of 11 key factors in 11 clicks of Still true', async () => {
    const world = createWorld({ config, now: '2027-01-04T08:00:00Z' });
    const first = await secondCycle(world);
    await checkIn(world, 'USOC1');
    const sanna = world.person('USOC1');
    expect(sanna.lastText()).toContain('Last time (2027-Q1) Social services answered:');
    expect(sanna.lastText()).toContain(
      '1. Yes · “yes since the board decision.” · 1 evidence link',
    );
    expect(sanna.lastText()).not.toContain('Second line');
    expect(sanna.lastText()).toContain('Your rating: In progress');

    let clicks = 0;
    while (world.chat.buttons(sanna.last().view).some((b) => b.label === 'Still true')) {
      await sanna.click('Still true', sanna.last());
      clicks += 1;
      expect(clicks).toBeLessThanOrEqual(11);
    }
    expect(clicks).toBe(11);
    expect(sanna.lastText()).toBe('That is everything for cycle 2027-Q2. Thank you!');

    const record = await getRecord(world.store, '2027-Q2', 'social');
    const questions = first.keyFactors.flatMap((kf) => kf.questions);
    expect(Object.keys(record.answers)).toHaveLength(questions.length);
    for (const q of questions)
      expect(record.answers[q.id]).toMatchObject({
        confirmedFrom: '2027-Q1',
        by: 'slack:USOC1',
        at: '2027-04-05T07:00:00.000Z',
        revision: 1,
        explanation: 'yes since the board decision.\nSecond line is not shown.'.replace(
          /^yes/,
          q.number % 2 === 0 ? 'partly' : 'yes',
        ),
      });
    for (const kf of first.keyFactors)
      expect(record.ratings[kf.id]).toMatchObject({
        rating: 'in_progress',
        confirmedFrom: '2027-Q1',
      });
    // Counted as answered everywhere, and said to be confirmed; its evidence is not new.
    const second = (await getCycle(world.store, '2027-Q2'))!;
    const status = await cycleStatus(world.store, second);
    expect(status).toMatchObject({ answered: questions.length, confirmed: questions.length });
    const rollup = await rollupData(
      world.store,
      world.config,
      second,
      '2027-04-05',
      '2027-04-01T00:00:00.000Z',
    );
    expect(rollup.status.confirmed).toBe(questions.length);
    expect(rollup.newEvidence).toEqual([]);
  });

  it('goes through a key factor question by question: same as last time, or changed', async () => {
    const world = createWorld({ config });
    await secondCycle(world);
    await checkIn(world, 'USOC1');
    const sanna = world.person('USOC1');
    await sanna.click('Go through');
    expect(sanna.lastText()).toContain('question 1 of 4');
    expect(sanna.lastText()).toContain(
      'Last time (2027-Q1): Yes · “yes since the board decision.”',
    );
    await sanna.click('Same as last time');
    expect(sanna.lastText()).toContain('question 2 of 4');
    await sanna.click('No');
    await sanna.click('Same as last time');
    await sanna.click('Same as last time');
    expect(sanna.lastText()).toContain('Last time (2027-Q1): In progress');
    await sanna.click('Achieved');

    const record = await getRecord(world.store, '2027-Q2', 'social');
    expect(record.answers['KF01.Q1']).toMatchObject({ status: 'yes', confirmedFrom: '2027-Q1' });
    expect(record.answers['KF01.Q2']).toMatchObject({ status: 'no', revision: 1 });
    expect(record.answers['KF01.Q2']?.confirmedFrom).toBeUndefined();
    expect(record.answers['KF01.Q3']).toMatchObject({ status: 'yes', confirmedFrom: '2027-Q1' });
    expect(record.ratings['KF01']).toMatchObject({ rating: 'achieved' });
    expect(record.ratings['KF01']?.confirmedFrom).toBeUndefined();
    // The question message shows the confirmation for everyone who holds it.
    const q1 = sanna.messages().find((m) => world.chat.text(m.view).includes('question 1 of 4'));
    expect(world.chat.text(q1!.view)).toContain(
      '“Yes” confirmed by Sanna Sosiaali on 5 April 2027, unchanged since 2027-Q1',
    );
  });

  it('asks normally what was not answered last time, after confirming the rest', async () => {
    const world = createWorld({ config });
    await secondCycle(world, { unanswered: ['KF01.Q4'] });
    await checkIn(world, 'USOC1');
    const sanna = world.person('USOC1');
    expect(sanna.lastText()).toContain('4. not answered last time: it will be asked');
    await sanna.click('Still true');
    expect(sanna.lastText()).toContain('question 4 of 4');
    expect(sanna.lastText()).not.toContain('Last time');
    await sanna.click('Yes');
    const record = await getRecord(world.store, '2027-Q2', 'social');
    expect(record.answers['KF01.Q4']?.confirmedFrom).toBeUndefined();
    expect(sanna.lastText()).toContain('2. ');
  });

  it('marks evidence older than two years as possibly out of date, and keeps its date when confirmed', async () => {
    const world = createWorld({ config });
    await secondCycle(world, { evidenceAddedAt: '2025-03-01T10:00:00.000Z' });
    await checkIn(world, 'USOC1');
    const sanna = world.person('USOC1');
    expect(sanna.lastText()).toContain('1 evidence link · 1 possibly out of date');
    expect(sanna.lastText()).toContain(
      'Evidence older than 24 months is marked possibly out of date.',
    );
    await sanna.click('Still true');
    const record = await getRecord(world.store, '2027-Q2', 'social');
    expect(record.answers['KF01.Q1']?.evidence).toEqual([
      { url: 'https://www.hel.fi/plan.pdf', title: 'Plan', addedAt: '2025-03-01T10:00:00.000Z' },
    ]);
  });

  it('never overwrites what a colleague answered first, and counts a double tap once', async () => {
    const world = createWorld({ config });
    await secondCycle(world);
    await checkIn(world, 'USOC1');
    await checkIn(world, 'USOC2');
    const sanna = world.person('USOC1');
    const samuli = world.person('USOC2');
    // Sanna's copy of the key factor's opening, as her client still shows it.
    const stillTrue = world.chat.buttons(sanna.last().view).find((b) => b.label === 'Still true')!;
    await samuli.click('Go through');
    await samuli.click('No');
    await sanna.act(stillTrue.action);
    await sanna.act(stillTrue.action);

    const record = await getRecord(world.store, '2027-Q2', 'social');
    expect(record.answers['KF01.Q1']).toMatchObject({ status: 'no', by: 'slack:USOC2' });
    expect(record.answers['KF01.Q1']?.confirmedFrom).toBeUndefined();
    expect(record.answers['KF01.Q2']).toMatchObject({ confirmedFrom: '2027-Q1', revision: 1 });
    expect(
      sanna.messages().filter((m) => world.chat.text(m.view).startsWith('2. Strategy')),
    ).toHaveLength(1);
    // Samuli was on question 2, which Sanna's confirmation answered: he is moved on.
    expect(samuli.lastText()).toMatch(/2\. /);
  });

  it('refuses Same as last time from a copy older than a colleague’s answer', async () => {
    const world = createWorld({ config });
    await secondCycle(world);
    await checkIn(world, 'USOC1');
    await checkIn(world, 'USOC2');
    const sanna = world.person('USOC1');
    const samuli = world.person('USOC2');
    await sanna.click('Go through');
    await drive(world.core).resume(samuli.actor);
    const samulisCopy = samuli.last();
    expect(world.chat.text(samulisCopy.view)).toContain('question 1 of 4');
    const same = world.chat.buttons(samulisCopy.view).find((b) => b.label === 'Same as last time')!;
    await sanna.click('No');
    await samuli.act(same.action);
    const record = await getRecord(world.store, '2027-Q2', 'social');
    expect(record.answers['KF01.Q1']).toMatchObject({ status: 'no', by: 'slack:USOC1' });
    expect(samuli.messages().map((m) => world.chat.text(m.view))).toContainEqual(
      expect.stringContaining('Already answered by Sanna Sosiaali: “No”.'),
    );
  });
  it('takes a link’s own document date as its age, and refuses a date that is none', async () => {
    const world = createWorld({ config });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    expect(await world.engine.deliverCheckIn('slack:USOC1', '2027-Q1', '2027-01-04')).toBe('sent');
    const sanna = world.person('USOC1');
    await sanna.click('Start');
    await sanna.click('Explain and add evidence');
    const plan = { url: 'https://www.hel.fi/plan.pdf', title: 'Plan', validFrom: '2024-05-02' };
    const refused = await sanna.submit({
      status: 'yes',
      explanation: 'Adopted in 2024.',
      evidence: [plan, { url: 'https://www.hel.fi/memo.pdf', validFrom: '2024-13-40' }],
    });
    expect(JSON.stringify(refused)).toContain(
      'The document date of link 2 is not a date; the link is saved without it.',
    );
    // Nothing is saved while the form shows the problem; the corrected form is.
    expect((await getRecord(world.store, '2027-Q1', 'social')).answers).toEqual({});
    expect(
      await sanna.submit({
        status: 'yes',
        explanation: 'Adopted in 2024.',
        evidence: [plan, { url: 'https://www.hel.fi/memo.pdf' }],
      }),
    ).toEqual({ ok: true });
    const answer = (await getRecord(world.store, '2027-Q1', 'social')).answers['KF01.Q1'];
    const added = '2027-01-04T08:00:00.000Z';
    expect(answer?.evidence).toEqual([
      { ...plan, addedAt: added },
      { url: 'https://www.hel.fi/memo.pdf', addedAt: added },
    ]);
    await world.close();
    world.clock.set(new Date('2027-04-05T07:00:00Z'));
    await world.open({ name: '2027-Q2', dueDate: '2027-05-15' });
    await checkIn(world, 'USOC1');
    // Added this year, but the document is from 2024: older than 24 months by its own date.
    expect(sanna.lastText()).toContain(
      '1. Yes · “Adopted in 2024.” · 2 evidence links · 1 possibly out of date',
    );
  });
});
