import { describe, expect, it } from 'vitest';
import { planReaderIn } from '../../src/action-plans/reader.ts';
import type { Answer, AnswerStatus } from '../../src/checkins/answer.ts';
import { emptyRecord, type DepartmentRecord } from '../../src/checkins/record-repository.ts';
import {
  answerWeights,
  cycleScores,
  keyFactorScore,
  scoreChange,
} from '../../src/checkins/score.ts';
import { cycleStatus } from '../../src/checkins/status.ts';
import { runCommand } from '../../src/commands/run.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { digestData } from '../../src/reports/digest.ts';
import { heatmapCells, scoreCell } from '../../src/reports/digest-heatmap.ts';
import { digestMessage } from '../../src/reports/digest-message.ts';
import { exportFiles, fileText } from '../../src/reports/export/index.ts';
import { gatherExport } from '../../src/reports/gather-export.ts';
import { requestDigest } from '../../src/reports/post.ts';
import { rollupData } from '../../src/reports/rollup.ts';
import { rollupMessages } from '../../src/reports/rollup-messages.ts';
import { scoreWords } from '../../src/reports/score-words.ts';
import { openStore } from '../../src/store/open.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { drive } from '../helpers/drive.ts';
import { firstQuarter } from '../helpers/fixtures.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { createReplica } from '../helpers/runtime.ts';
import { cityConfig, createWorld, parsedConfig } from '../helpers/world.ts';

const { t, catalogue } = i18nFor('en');
const config = parsedConfig();
const cycle = firstQuarter(config, catalogue);

const answer = (status: AnswerStatus, more: Partial<Answer> = {}): Answer => ({
  status,
  explanation: '',
  evidence: [],
  late: false,
  revision: 1,
  history: [],
  by: 'slack:UEDU1',
  at: '2027-01-10T09:00:00.000Z',
  ...more,
});

const questions = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `KF01.Q${i + 1}` }));

describe('the score of a key factor', () => {
  it('weighs yes 1, partly ½, no and don’t know 0, as the README publishes', () => {
    expect(answerWeights).toEqual({
      yes: 1,
      partly: 0.5,
      no: 0,
      dont_know: 0,
      not_applicable: undefined,
    });
    const answers = {
      'KF01.Q1': answer('yes'),
      'KF01.Q2': answer('partly'),
      'KF01.Q3': answer('no'),
      'KF01.Q4': answer('dont_know'),
    };
    expect(keyFactorScore(questions(4), answers)).toBe(37.5);
    expect(keyFactorScore(questions(1), { 'KF01.Q1': answer('partly') })).toBe(50);
  });

  it('leaves not applicable and unanswered questions out, and has no score with nothing left', () => {
    const answers = {
      'KF01.Q1': answer('yes'),
      'KF01.Q2': answer('not_applicable'),
      'KF01.Q3': answer('no'),
    };
    // Two counted answers: (1 + 0) / 2; Q2 is n/a and Q4 unanswered.
    expect(keyFactorScore(questions(4), answers)).toBe(50);
    expect(
      keyFactorScore(questions(2), {
        'KF01.Q1': answer('not_applicable'),
        'KF01.Q2': answer('not_applicable'),
      }),
    ).toBeUndefined();
    expect(keyFactorScore(questions(4), {})).toBeUndefined();
  });

  it('counts an answer confirmed from the previous cycle like any other', () => {
    const confirmed = answer('yes', { confirmedFrom: '2026-Q4' });
    expect(keyFactorScore(questions(2), { 'KF01.Q1': confirmed, 'KF01.Q2': answer('no') })).toBe(
      50,
    );
  });
});

describe('the scores of a cycle', () => {
  function records(): Map<string, DepartmentRecord> {
    const education = emptyRecord(cycle.id, 'education');
    // KF01: yes, partly, no, yes → 62.5. KF06: all yes except one n/a → 100.
    education.answers['KF01.Q1'] = answer('yes');
    education.answers['KF01.Q2'] = answer('partly');
    education.answers['KF01.Q3'] = answer('no');
    education.answers['KF01.Q4'] = answer('yes', { confirmedFrom: '2026-Q4' });
    education.answers['KF06.Q1'] = answer('yes');
    education.answers['KF06.Q2'] = answer('not_applicable');
    const culture = emptyRecord(cycle.id, 'culture');
    // KF04: yes, no → 50.
    culture.answers['KF04.Q1'] = answer('yes');
    culture.answers['KF04.Q2'] = answer('no');
    return new Map([
      ['education', education],
      ['culture', culture],
    ]);
  }

  it('gives each department and key factor a score, a department the mean of its key factors', () => {
    const scores = cycleScores(cycle, records());
    expect(Object.fromEntries(scores.cells.get('education') ?? [])).toEqual({
      KF01: 62.5,
      KF06: 100,
    });
    expect(Object.fromEntries(scores.cells.get('culture') ?? [])).toEqual({ KF04: 50 });
    expect(scores.departments.get('education')).toBe(81.25);
    expect(scores.departments.get('culture')).toBe(50);
  });

  it('gives a key factor across departments the mean of their scores, and overall the mean of all', () => {
    const all = records();
    // Culture is asked KF01 too in this scope, answering it all yes: KF01 across departments
    // is the mean of 62.5 and 100, whatever the number of questions each answered.
    const wider = {
      ...cycle,
      departments: cycle.departments.map((d) =>
        d.id === 'culture' ? { ...d, keyFactors: ['KF01', 'KF04'] } : d,
      ),
    };
    all.get('culture')!.answers['KF01.Q1'] = answer('yes');
    const scores = cycleScores(wider, all);
    expect(scores.keyFactors.get('KF01')).toBe(81.25);
    expect(scores.keyFactors.get('KF06')).toBe(100);
    expect(scores.keyFactors.get('KF04')).toBe(50);
    // Every department × key factor score once: (62.5 + 100 + 100 + 50) / 4.
    expect(scores.overall).toBe(78.125);
  });

  it('has no score for a skipped key factor or one a department is not asked', () => {
    const all = records();
    all.get('education')!.skips['KF06'] = { reason: 'HR answers', by: 'x', at: 'y' };
    all.get('culture')!.answers['KF01.Q1'] = answer('yes');
    const scores = cycleScores(cycle, all);
    expect([...(scores.cells.get('education') ?? []).keys()]).toEqual(['KF01']);
    expect([...(scores.cells.get('culture') ?? []).keys()]).toEqual(['KF04']);
    expect(cycleScores(cycle, new Map()).overall).toBeUndefined();
  });

  it('shows a change since the previous cycle from the shown numbers: 63 (+13)', () => {
    expect(scoreChange(62.5, 50)).toBe(13);
    expect(scoreChange(62.5, undefined)).toBeUndefined();
    expect(scoreWords(t, 62.5, 50)).toBe('63 (+13)');
    expect(scoreWords(t, 40, 55)).toBe('40 (−15)');
    expect(scoreWords(t, 40, 40.2)).toBe('40 (±0)');
    expect(scoreWords(t, 40)).toBe('40');
    expect(scoreWords(t, undefined, 50)).toBe('–');
  });
});

/**
 * A city with a closed cycle 2026-Q4 (Education: KF01 yes and no, 50) and an
 * open 2027-Q1 (Education: KF01 yes, partly, no, yes, 62.5, rated in progress).
 */
async function twoCycles(source = cityConfig) {
  const world = createWorld({ config: parsedConfig(source), now: '2026-10-05T08:00:00Z' });
  const eeva = { platform: 'slack' as const, id: 'UEDU1' };
  const tap = drive(world.core);
  const where = (c: string) => ({ cycle: c, department: 'education' });
  const answerAll = async (c: string, statuses: AnswerStatus[]) => {
    await tap.handleAction(eeva, { kind: 'start', ...where(c), keyFactor: 'KF01' });
    for (const [i, status] of statuses.entries())
      await tap.handleAction(eeva, {
        kind: 'answer',
        ...where(c),
        question: `KF01.Q${i + 1}`,
        status,
        revision: 0,
      });
  };
  await world.open({ name: '2026-Q4', dueDate: '2026-12-15' });
  await answerAll('2026-Q4', ['yes', 'no']);
  await world.close();
  world.clock.set(new Date('2027-01-04T08:00:00Z'));
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  await answerAll('2027-Q1', ['yes', 'partly', 'no', 'yes']);
  await tap.handleAction(eeva, {
    kind: 'rate',
    ...where('2027-Q1'),
    keyFactor: 'KF01',
    rating: 'in_progress',
  });
  const previous = (await getCycle(world.store, '2026-Q4'))!;
  const current = (await getCycle(world.store, '2027-Q1'))!;
  const v = await planReaderIn(world.engine.context, 'en');
  const digest = () =>
    digestData(
      world.store,
      current,
      previous,
      [],
      '2027-01-11',
      '2027-W02',
      '2027-W01',
      '2027-01-04',
    );
  return { world, previous, current, v, digest };
}

describe('scores beside the ratings', () => {
  it('are in status: overall, per department, and per key factor beside its own rating', async () => {
    const { world } = await twoCycles();
    const status = (text: string) =>
      runCommand(world.core, world.cycleDeps, { platform: 'slack', id: 'UCOORD' }, text).then(
        (view) => world.chat.text(view),
      );
    const overview = await status('status');
    expect(overview).toContain(
      'Scores from the answers (0–100): all departments 63 · Education 63 · Culture –',
    );
    const education = await status('status education');
    expect(education).toContain('1. Public commitment: own rating In progress · score 63');
    expect(education).toContain('6. The city as employer: own rating not given yet · score –');
    expect(await status('status KF01')).toContain(
      "Departments' own ratings: In progress 1\nScore from the answers, all departments: 63",
    );
  });

  it('are in the status the core reads from summaries, the same as from records', async () => {
    const { world, current } = await twoCycles();
    const status = await cycleStatus(world.store, current);
    expect(status.score).toBe(62.5);
    expect(status.departments.find((d) => d.department === 'education')).toMatchObject({
      score: 62.5,
      scores: { KF01: 62.5 },
      ratings: { KF01: 'in_progress' },
    });
    expect(status.keyFactors.find((k) => k.keyFactor === 'KF01')?.score).toBe(62.5);
  });

  it('are in the roll-up’s detail, per department and per key factor', async () => {
    const { world, current, v } = await twoCycles();
    const data = await rollupData(world.store, world.config, current, '2027-01-08', undefined);
    const detail = world.chat.text(rollupMessages(v, data, '2027-W01').detail);
    expect(detail).toMatch(/Education: Answered 4\/11 .* Rated 1\/2 · Score 63/);
    expect(detail).toMatch(/1\. Public commitment: .*In progress 1 · Score 63/);
    // Nothing scorable: no score, and no made-up zero.
    expect(detail).not.toMatch(/6\. The city as employer: .*Score/);
  });

  it('are in the digest with the change since the previous cycle', async () => {
    const { world, v, digest } = await twoCycles();
    const data = await digest();
    expect(data.previous?.scores.overall).toBe(50);
    const text = world.chat.text(
      digestMessage(v, data, 'Testikaupunki', '2027-W02', '11 January 2027'),
    );
    expect(text).toContain(
      'Score from the answers (0–100), change since the previous cycle in brackets: 63 (+13)',
    );
    expect(text).toContain('Scores by key factor');
    expect(text).toContain('1. Public commitment: 63 (+13) — own ratings: In progress 1');
  });

  it('are in the export: a score column beside the rating, and scores in the report', async () => {
    const { world, current } = await twoCycles();
    const input = await gatherExport({
      store: world.store,
      config: world.config,
      catalogue: world.catalogue,
      i18n: world.i18n,
      directory: world.directory,
      cycle: current,
      language: 'en',
      now: new Date('2027-01-11T08:00:00Z'),
    });
    const files = exportFiles(input);
    const ratings = fileText(files.find((f) => f.name.endsWith('-ratings.csv'))!);
    expect(ratings).toContain(',rating_code,rating,score,');
    expect(ratings).toContain(',KF01,Public commitment,in_progress,In progress,63,');
    expect(ratings).toMatch(/,KF06,The city as employer,,,,/);
    const report = fileText(files.find((f) => f.name.endsWith('-report.html'))!);
    expect(report).toContain('Score from the answers, all departments: 63');
    expect(report).toContain('<span class="score">score 63</span>');
    expect(report).toContain('<strong>Score from the answers:</strong> 63');
    expect(report).toContain('yes = 1, partly = ½');
  });
});

describe('the heatmap', () => {
  it('shows the ratings by default and the scores when tasa.yaml says reports.heatmap: scores', async () => {
    expect(parsedConfig().reports.heatmap).toBe('ratings');
    const { world, v, digest } = await twoCycles(`${cityConfig}reports: { heatmap: scores }\n`);
    expect(world.config.reports.heatmap).toBe('scores');
    // Education rates KF01 lower than its answers score it: started, against 62.5 (the 50–74 band).
    await drive(world.core).handleAction(
      { platform: 'slack', id: 'UEDU1' },
      {
        kind: 'rate',
        cycle: '2027-Q1',
        department: 'education',
        keyFactor: 'KF01',
        rating: 'started',
      },
    );
    const data = await digest();
    const none = (n: number) => Array.from({ length: n }, () => 'none');
    expect(heatmapCells(data, 'ratings')[0]).toEqual(['started', ...none(10)]);
    expect(heatmapCells(data, 'scores')[0]).toEqual(['in_progress', ...none(10)]);
    expect([0, 24, 25, 49, 50, 74.4, 75, 100].map(scoreCell)).toEqual([
      'not_started',
      'not_started',
      'started',
      'started',
      'in_progress',
      'in_progress',
      'achieved',
      'achieved',
    ]);
    const picture = (basis: OrganizationConfig['reports']['heatmap']) =>
      digestMessage(v, data, 'Testikaupunki', '2027-W02', '11 January 2027', basis).blocks.find(
        (b) => b.type === 'image',
      );
    expect(picture('ratings')).toMatchObject({ title: 'Departments’ own ratings, cycle 2027-Q1' });
    expect(picture('scores')).toMatchObject({
      title: 'Scores from the departments’ answers, cycle 2027-Q1',
    });
  });

  it('follows the setting when the weekly digest is posted', async () => {
    const config = parsedConfig(`${cityConfig}reports: { heatmap: scores }\n`);
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'scores', clock });
    const chat = createFakeChat();
    const tasa = createReplica({ config, store, clock, chat });
    await openCycle(tasa.cycleDeps, { name: '2027-Q1', dueDate: '2027-02-15', by: 'slack:UCOORD' });
    const deps = { engine: tasa.engine, outbox: tasa.outbox, calendar: tasa.calendar };
    expect(await requestDigest(deps, '2027-01-11')).toBe('posted');
    const picture = chat.to('CSTEER')[0]?.view.blocks.find((b) => b.type === 'image');
    expect(picture).toMatchObject({ title: 'Scores from the departments’ answers, cycle 2027-Q1' });
  });
});
