import type { TeamsApplication } from '../../agent.ts';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { messageActivity } from '../../render/card.ts';
import { rememberSender } from '../../sender.ts';
import { includesBot } from '../selectors.ts';

/**
 * Tasa was added: to someone's personal scope, a team or a group chat. The
 * reference is stored (that is what makes proactive messages possible), the
 * person who added it is reachable again, and in a personal chat they are
 * greeted with what they can ask.
 */
export function registerMembersAdded(app: TeamsApplication, deps: TeamsDeps): void {
  app.onConversationUpdate('membersAdded', async (context) => {
    const activity = context.activity;
    if (!includesBot(activity.membersAdded, activity)) return;
    deps.later('teams install', async () => {
      const sender = await rememberSender(deps, activity);
      if (!sender) return;
      const outcome = await deps.inbound.receive({
        kind: 'installed',
        actor: sender.actor,
        greet: sender.personal,
        delivery: deliveryId(activity),
      });
      if (outcome.kind === 'reply')
        await deps.client.send(sender.reply, messageActivity(outcome.message));
    });
  });
}
