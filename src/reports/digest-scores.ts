import type { PlanReader } from '../action-plans/reader.ts';
import type { Block } from '../chat/views.ts';
import type { DigestData } from './digest.ts';
import { scoreWords } from './score-words.ts';

/**
 * The digest's scores from the answers, each with its change since the
 * previous cycle ("62 (+8)"); the change is left out where either cycle has no score.
 */
export function scoreHeadline(v: PlanReader, data: DigestData): string {
  return v.t('reports:digest.score', {
    score: scoreWords(v.t, data.scores.overall, data.previous?.scores.overall),
  });
}

/** Each key factor's score across departments, beside the departments' own ratings. */
export function scoreBlocks(v: PlanReader, data: DigestData): Block[] {
  const { cycle, status, previous } = data;
  const lines = cycle.keyFactors
    .filter((kf) => status.keyFactors.some((k) => k.keyFactor === kf.id))
    .map((kf) => {
      const ratings = Object.entries(
        status.keyFactors.find((k) => k.keyFactor === kf.id)?.ratings ?? {},
      )
        .filter(([, n]) => n > 0)
        .map(([r, n]) => `${v.t(`common:ratings.${r}`)} ${n}`)
        .join(' · ');
      return v.t(ratings ? 'reports:digest.keyFactorScoreRated' : 'reports:digest.keyFactorScore', {
        keyFactor: `${kf.number}. ${kf.title[v.language]}`,
        score: scoreWords(
          v.t,
          data.scores.keyFactors.get(kf.id),
          previous?.scores.keyFactors.get(kf.id),
        ),
        ratings,
      });
    });
  if (lines.length === 0) return [];
  return [
    { type: 'header', text: v.t('reports:digest.scoresTitle') },
    { type: 'text', text: lines.join('\n') },
    { type: 'context', text: v.t('reports:digest.scoresNote') },
  ];
}
