import type { ReviewState } from '../checkins/answer.ts';
import type { Translator } from '../i18n/create.ts';

/**
 * "Peer review: 3 accepted · 1 changes requested · 7 not reviewed", for status,
 * roll-ups and digests; nothing while no answer has come in.
 */
export function reviewCountsLine(
  t: Translator,
  reviews: Record<ReviewState, number>,
): string | undefined {
  const answered = reviews.accepted + reviews.changes_requested + reviews.not_reviewed;
  if (answered === 0) return undefined;
  return t('reviews:status', {
    accepted: reviews.accepted,
    changes: reviews.changes_requested,
    waiting: reviews.not_reviewed,
  });
}

/** The same, only once reviewers have begun: reports to channels say nothing of a review not started. */
export function reviewProgressLine(
  t: Translator,
  reviews: Record<ReviewState, number>,
): string | undefined {
  return reviews.accepted + reviews.changes_requested > 0
    ? reviewCountsLine(t, reviews)
    : undefined;
}
