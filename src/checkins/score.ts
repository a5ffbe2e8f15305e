import type { Cycle } from '../cycles/cycle.ts';
import type { AnswerStatus } from './answer.ts';
import type { Records } from './progress.ts';

/*
 * A score 0–100 worked out from a department's answers, shown beside its own
 * rating: the two may differ, and that difference is worth talking about.
 * The weights are published (README, "Scores"), so anyone can check a score by hand.
 */

/** What each answer counts for; not applicable is left out of the score altogether. */
export const answerWeights: Readonly<Record<AnswerStatus, number | undefined>> = {
  yes: 1,
  partly: 0.5,
  no: 0,
  dont_know: 0,
  not_applicable: undefined,
};

/**
 * A key factor's score from the answers to its guiding questions: the mean
 * weight × 100 over the questions answered other than "not applicable".
 * Unanswered questions are left out too (progress shows them); with nothing
 * left there is no score. Not rounded: rounding is for showing.
 */
export function keyFactorScore(
  questions: readonly { id: string }[],
  answers: Readonly<Record<string, { status: AnswerStatus } | undefined>>,
): number | undefined {
  let sum = 0;
  let counted = 0;
  for (const question of questions) {
    const status = answers[question.id]?.status;
    const weight = status === undefined ? undefined : answerWeights[status];
    if (weight === undefined) continue;
    sum += weight;
    counted++;
  }
  return counted === 0 ? undefined : (sum / counted) * 100;
}

const mean = (values: readonly number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

/** Every score of a cycle; a missing key means "no score" (nothing scorable, skipped, not asked). */
export interface CycleScores {
  /** department → key factor → score. */
  cells: Map<string, Map<string, number>>;
  /** A department's score: the mean of its key factors' scores. */
  departments: Map<string, number>;
  /**
   * A key factor's score across departments: the mean of the departments'
   * scores, so each department weighs the same however many questions it
   * could answer (pooling would let a department with fewer n/a answers count more).
   */
  keyFactors: Map<string, number>;
  /** The mean of every department × key factor score. */
  overall?: number;
}

/** Scores of a cycle, from its records or their summaries. A skipped key factor has no score. */
export function cycleScores(cycle: Cycle, records: Records): CycleScores {
  const cells = new Map<string, Map<string, number>>();
  const departments = new Map<string, number>();
  const byKeyFactor = new Map<string, number[]>();
  const all: number[] = [];
  for (const department of cycle.departments) {
    const record = records.get(department.id);
    const row = new Map<string, number>();
    for (const kf of cycle.keyFactors) {
      if (!department.keyFactors.includes(kf.id) || record?.skips[kf.id]) continue;
      const score = keyFactorScore(kf.questions, record?.answers ?? {});
      if (score === undefined) continue;
      row.set(kf.id, score);
      const scores = byKeyFactor.get(kf.id);
      if (scores) scores.push(score);
      else byKeyFactor.set(kf.id, [score]);
      all.push(score);
    }
    cells.set(department.id, row);
    const score = mean([...row.values()]);
    if (score !== undefined) departments.set(department.id, score);
  }
  const keyFactors = new Map<string, number>();
  for (const [id, scores] of byKeyFactor) {
    const score = mean(scores);
    if (score !== undefined) keyFactors.set(id, score);
  }
  const overall = mean(all);
  return { cells, departments, keyFactors, ...(overall === undefined ? {} : { overall }) };
}

/** A score as shown: a whole number 0–100. */
export const shownScore = (score: number): number => Math.round(score);

/**
 * The change from `before` to `now` as shown, from the shown numbers so that
 * "62 (+8)" adds up for the reader; none when either has no score.
 */
export const scoreChange = (
  now: number | undefined,
  before: number | undefined,
): number | undefined =>
  now === undefined || before === undefined ? undefined : shownScore(now) - shownScore(before);
