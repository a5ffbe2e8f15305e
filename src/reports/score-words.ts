import { scoreChange, shownScore } from '../checkins/score.ts';
import type { Translator } from '../i18n/create.ts';

/** A change as people read it: +8, −3, ±0. */
export const signedChange = (change: number): string =>
  change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '±0';

/**
 * A score as shown everywhere: "62", "62 (+8)" when there is one to compare
 * with, or the word for no score.
 */
export function scoreWords(t: Translator, score: number | undefined, before?: number): string {
  if (score === undefined) return t('reports:scores.none');
  const change = scoreChange(score, before);
  return change === undefined
    ? String(shownScore(score))
    : t('reports:scores.withChange', { score: shownScore(score), change: signedChange(change) });
}
