import type { CycleStatus, DepartmentStatus, KeyFactorStatus } from '../../checkins/status.ts';
import type { Cycle } from '../../cycles/cycle.ts';
import type { Translator } from '../../i18n/create.ts';
import { scoreWords } from '../../reports/score-words.ts';

/*
 * `status` shows the scores from the answers on lines of their own, beside the
 * departments' own ratings (see README, "Scores"): the two may differ, and that
 * difference is worth a question.
 */

/** Overall and each department's score, in one line. */
export function overviewScores(
  t: Translator,
  status: CycleStatus,
  name: (department: string) => string,
): string[] {
  const departments = status.departments.map(
    (d) => `${name(d.department)} ${scoreWords(t, d.score)}`,
  );
  return [
    t('commands:status.scores', {
      score: scoreWords(t, status.score),
      departments: departments.join(' · '),
    }),
  ];
}

/** Each key factor a department is asked and did not skip: its own rating beside its score. */
export function departmentScores(
  t: Translator,
  cycle: Cycle,
  department: DepartmentStatus,
  title: (keyFactor: string) => string,
): string[] {
  const asked = cycle.departments.find((d) => d.id === department.department)?.keyFactors ?? [];
  return cycle.keyFactors
    .filter((kf) => asked.includes(kf.id) && !department.skipped.includes(kf.id))
    .map((kf) => {
      const rating = department.ratings[kf.id];
      return t('commands:status.keyFactorRatingScore', {
        keyFactor: title(kf.id),
        rating: rating ? t(`common:ratings.${rating}`) : t('commands:status.notRated'),
        score: scoreWords(t, department.scores[kf.id]),
      });
    });
}

/** A key factor's score across departments. */
export const keyFactorScore = (t: Translator, keyFactor: KeyFactorStatus): string[] => [
  t('commands:status.keyFactorScore', { score: scoreWords(t, keyFactor.score) }),
];
