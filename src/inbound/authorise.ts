import type { Action } from '../chat/actions.ts';
import type { FormValues } from '../chat/actor.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import { createHandOverRepository } from '../people/hand-overs-repository.ts';
import { isReviewAction, mayReview } from '../reviews/review-action.ts';

/**
 * Whether whoever acts may do what a button or form says, decided once for
 * every platform before anything about the target is read. A button's value
 * can be edited, so nothing in it is trusted:
 * - a department's check-in is for its contacts and whoever a key factor of it
 *   was handed to;
 * - a new action item is for coordinators, and for contacts within their own
 *   departments;
 * - an existing item is checked by its handler against the item itself
 *   (owners, its creator, coordinators), which needs the item read first;
 * - a peer review is for reviewers, and reopening an accepted answer for coordinators.
 */
export async function authorise(
  ctx: EngineContext,
  who: Who,
  about: Action,
  values?: FormValues,
): Promise<boolean> {
  const { directory } = ctx;
  const own = directory.departmentsOf(who.person);
  if (about.kind === 'resume') return true;
  if (isReviewAction(about)) return mayReview(directory, who.person, about);
  if (about.kind === 'actionNew') {
    if (directory.isCoordinator(who.person)) return true;
    const picked = typeof values?.department === 'string' ? values.department.trim() : '';
    const department = values ? picked : (about.department ?? '');
    if (department !== '') return own.includes(department);
    if (!values) return own.length > 0;
    // A contact of one department who names none creates the item for it.
    if (own.length !== 1) return false;
    values.department = own[0];
    return true;
  }
  if (!('cycle' in about)) return true;
  if (own.includes(about.department)) return true;
  const handed = await createHandOverRepository(ctx.store).handedTo(about.cycle, who.person);
  return handed.includes(about.department);
}
