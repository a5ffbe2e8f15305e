import type { App, BlockButtonAction } from '@slack/bolt';
import { parseAction } from '../../../chat/actions.ts';
import type { MessageRef } from '../../../chat/port.ts';
import { slackActor, type SlackDeps } from '../../deps.ts';

interface Container {
  type?: string;
  message_ts?: string;
  channel_id?: string;
  is_ephemeral?: boolean;
}

/** The message a button sits on, when it can be updated later (not an ephemeral one). */
function clickedMessage(user: string, container: Container): MessageRef | undefined {
  if (container.type !== 'message' || !container.message_ts || !container.channel_id) return;
  if (container.is_ephemeral) return;
  return {
    address: { platform: 'slack', kind: 'person', id: user },
    id: container.message_ts,
    conversation: container.channel_id,
  };
}

/** A Tasa button: acknowledged at once, then handed to the core. */
export function registerTasaButton(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(/^tasa\./, async ({ ack, body, action }) => {
    await ack();
    const parsed = parseAction(action.value);
    if (!parsed) {
      deps.logger.warn({ actionId: action.action_id }, 'a button with an unreadable value');
      return;
    }
    const message = clickedMessage(body.user.id, body.container as Container);
    await deps.inbound.receive({
      kind: 'click',
      actor: await slackActor(deps, body.user.id, body.user.name ?? body.user.username),
      action: parsed,
      delivery: `slack-action:${body.user.id}:${action.action_ts}`,
      trigger: body.trigger_id,
      ...(message ? { message } : {}),
    });
  });
}
