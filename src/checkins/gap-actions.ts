import type { Button } from '../chat/views.ts';
import type { FrozenQuestion } from '../cycles/cycle.ts';
import type { Translator } from '../i18n/create.ts';

/**
 * "New action…" for each guiding question answered No or Partly, pre-filled
 * with that question, so the measure names the very gap it closes.
 */
export const gapActionButtons = (
  t: Translator,
  department: string,
  gaps: readonly FrozenQuestion[],
): Button[] =>
  gaps.map((question) => ({
    label: t('checkins:done.newActionForQuestion', { number: question.number }),
    action: { kind: 'actionNew', department, serves: question.id },
  }));
