import type { Action } from '../chat/actions.ts';
import type { Directory } from '../people/directory.ts';

/** The peer review's actions: their kinds all start with `review`. */
export type ReviewAction = Extract<Action, { kind: `review${string}` }>;

export const isReviewAction = (action: Action): action is ReviewAction =>
  action.kind.startsWith('review');

/**
 * Reviewers judge answers; only a coordinator takes a verdict back (reopens an
 * accepted answer), since the lock is what makes an accepted answer final.
 */
export function mayReview(directory: Directory, person: string, action: ReviewAction): boolean {
  return action.kind === 'reviewReopen'
    ? directory.isCoordinator(person)
    : directory.isReviewer(person);
}
