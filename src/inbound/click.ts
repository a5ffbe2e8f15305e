import type { Action } from '../chat/actions.ts';
import type { Interaction } from '../chat/actor.ts';
import { clickPlanAction } from '../action-plans/click.ts';
import { isPlanAction } from '../action-plans/plan-action.ts';
import type { Who } from '../checkins/context.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import { clickReview } from '../reviews/click.ts';
import { isReviewAction } from '../reviews/review-action.ts';
import type { AdminDeps } from '../admin/administer.ts';
import { isAdminAction } from '../admin/forms.ts';
import { clickAdmin } from '../admin/interact.ts';

/**
 * A button: the action plan's go to the action plan, the peer review's and
 * administration's to theirs, every other to the check-ins.
 */
export function click(
  engine: CheckInEngine,
  admin: AdminDeps,
  who: Who,
  action: Action,
  interaction: Interaction,
): Promise<void> {
  if (isAdminAction(action)) return clickAdmin(engine.context, admin, who, action, interaction);
  if (isPlanAction(action))
    return clickPlanAction(engine.context, who.person, who.actor, action, interaction);
  if (isReviewAction(action)) return clickReview(engine.context, who, action, interaction);
  return engine.click(who, action, interaction);
}
