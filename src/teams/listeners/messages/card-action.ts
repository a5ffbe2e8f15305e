import { parseAction } from '../../../chat/actions.ts';
import type { MessageRef } from '../../../chat/port.ts';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { rememberSender } from '../../sender.ts';
import type { TeamsApplication } from '../../agent.ts';
import { isCardAction } from '../selectors.ts';

/**
 * A Tasa button on a card. The core replaces the answered card with a
 * read-only version itself (through the port's update), and counts a resent
 * click once by its delivery id.
 */
export function registerCardAction(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isCardAction(context.activity),
    async (context) => {
      const activity = context.activity;
      deps.later('teams card action', async () => {
        const sender = await rememberSender(deps, activity);
        const action = parseAction((activity.value as { tasa?: unknown }).tasa);
        if (!sender || !action) {
          deps.logger.warn({ activity: activity.id }, 'a card submit with an unreadable action');
          return;
        }
        const message: MessageRef | undefined = activity.replyToId
          ? {
              address: { platform: 'teams', kind: 'person', id: sender.actor.id },
              id: activity.replyToId,
              conversation: sender.reply.conversation.id,
            }
          : undefined;
        await deps.inbound.receive({
          kind: 'click',
          actor: sender.actor,
          action,
          delivery: deliveryId(activity),
          ...(message ? { message } : {}),
        });
      });
    },
  );
}
