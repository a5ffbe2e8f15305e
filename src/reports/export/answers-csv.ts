import { cycleScores, shownScore } from '../../checkins/score.ts';
import { csvLines } from './csv.ts';
import type { ExportInput } from './types.ts';
import {
  contextualFactorTitle,
  evidenceText,
  inLanguage,
  keyFactorsOf,
  staleCount,
  yesNo,
} from './words.ts';

/*
 * Column ids stay in English whatever the language: scripts and spreadsheet
 * formulas can rely on them. The cells hold localised words, and next to each
 * word its stable code (status_code, rating_code), and next to each person's
 * name the key Tasa knows them by (answered_by_id: `slack:U…`, `teams:…`).
 * Instants are ISO 8601 UTC.
 */

export const answerColumns = [
  'cycle',
  'department_id',
  'department',
  'key_factor_id',
  'key_factor',
  'question_id',
  'question',
  'status_code',
  'status',
  'explanation',
  'evidence',
  'answered_by',
  'answered_by_id',
  'answered_at',
  'late',
  'revisions',
  'confirmed_from',
  'evidence_possibly_out_of_date',
  // The peer review, last so that columns read by position before it came stay where they were.
  'review_code',
  'review',
  'review_comment',
  'reviewed_by',
  'reviewed_at',
] as const;

/** One row per department × guiding question it is asked, answered or not. */
export function answersCsv(input: ExportInput): Iterable<string> {
  return csvLines(answerColumns, answerRows(input));
}

function* answerRows(
  input: ExportInput,
): Generator<Record<(typeof answerColumns)[number], string>> {
  const { cycle, language, t } = input;
  for (const department of cycle.departments) {
    const record = input.records.get(department.id);
    for (const keyFactor of keyFactorsOf(cycle, department)) {
      for (const question of keyFactor.questions) {
        const answer = record?.answers[question.id];
        const review = answer?.review;
        const reviewCode = answer ? (review?.state ?? 'not_reviewed') : '';
        yield {
          cycle: cycle.id,
          department_id: department.id,
          department: inLanguage(department.name, language),
          key_factor_id: keyFactor.id,
          key_factor: inLanguage(keyFactor.title, language),
          question_id: question.id,
          question: inLanguage(question.text, language),
          status_code: answer?.status ?? '',
          status: answer ? t(`common:answerStatus.${answer.status}`) : '',
          explanation: answer?.explanation ?? '',
          evidence: answer ? evidenceText(answer.evidence) : '',
          answered_by: answer ? input.nameOf(answer.by) : '',
          answered_by_id: answer?.by ?? '',
          answered_at: answer?.at ?? '',
          late: answer ? yesNo(input, answer.late) : '',
          revisions: answer ? String(answer.revision) : '',
          confirmed_from: answer?.confirmedFrom ?? '',
          evidence_possibly_out_of_date: answer ? String(staleCount(input, answer)) : '',
          review_code: reviewCode,
          review: reviewCode ? t(`reviews:state.${reviewCode}`) : '',
          review_comment: review?.comment ?? '',
          reviewed_by: review ? input.nameOf(review.by) : '',
          reviewed_at: review?.at ?? '',
        };
      }
    }
  }
}

export const ratingColumns = [
  'cycle',
  'department_id',
  'department',
  'key_factor_id',
  'key_factor',
  'rating_code',
  'rating',
  'score',
  'limiting_factor_ids',
  'limiting_factors',
  'note',
  'rated_by',
  'rated_by_id',
  'rated_at',
  'late',
  'skipped',
  'skip_reason',
  'skipped_by',
  'skipped_by_id',
  'skipped_at',
] as const;

/**
 * One row per department × key factor it is asked: its own overall rating, or
 * why it skipped, and beside the rating the score from its answers (0–100, see
 * checkins/score.ts; empty when nothing is scorable).
 */
export function ratingsCsv(input: ExportInput): Iterable<string> {
  return csvLines(ratingColumns, ratingRows(input));
}

function* ratingRows(
  input: ExportInput,
): Generator<Record<(typeof ratingColumns)[number], string>> {
  const { cycle, language, t } = input;
  const scores = cycleScores(cycle, input.records);
  for (const department of cycle.departments) {
    const record = input.records.get(department.id);
    for (const keyFactor of keyFactorsOf(cycle, department)) {
      const score = scores.cells.get(department.id)?.get(keyFactor.id);
      const rating = record?.ratings[keyFactor.id];
      const skip = record?.skips[keyFactor.id];
      const factors = rating?.limitingFactors ?? [];
      yield {
        cycle: cycle.id,
        department_id: department.id,
        department: inLanguage(department.name, language),
        key_factor_id: keyFactor.id,
        key_factor: inLanguage(keyFactor.title, language),
        rating_code: rating?.rating ?? '',
        rating: rating ? t(`common:ratings.${rating.rating}`) : '',
        score: score === undefined ? '' : String(shownScore(score)),
        limiting_factor_ids: factors.join(' | '),
        limiting_factors: factors.map((id) => contextualFactorTitle(input, id)).join(' | '),
        note: rating?.note ?? '',
        rated_by: rating ? input.nameOf(rating.by) : '',
        rated_by_id: rating?.by ?? '',
        rated_at: rating?.at ?? '',
        late: rating ? yesNo(input, rating.late) : '',
        skipped: yesNo(input, skip !== undefined),
        skip_reason: skip?.reason ?? '',
        skipped_by: skip ? input.nameOf(skip.by) : '',
        skipped_by_id: skip?.by ?? '',
        skipped_at: skip?.at ?? '',
      };
    }
  }
}
