import type { App, BlockButtonAction } from '@slack/bolt';
import type { MessageRef } from '../../../chat/port.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeAction } from '../../render/actions.ts';

/** A Tasa button: acknowledged at once, then handed to the engine. */
export function registerTasaButton(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(/^tasa\./, async ({ ack, body, action }) => {
    await ack();
    const decoded = decodeAction(action.value);
    if (!decoded) {
      deps.logger.warn({ actionId: action.action_id }, 'a button with an unreadable value');
      return;
    }
    const locale = await deps.localeOf(body.user.id);
    const container = body.container as {
      type?: string;
      message_ts?: string;
      channel_id?: string;
      is_ephemeral?: boolean;
    };
    const message: MessageRef | undefined =
      container.type === 'message' &&
      container.message_ts &&
      container.channel_id &&
      !container.is_ephemeral
        ? {
            address: { platform: 'slack', kind: 'person', id: body.user.id },
            id: container.message_ts,
            conversation: container.channel_id,
          }
        : undefined;
    await deps.core.engine.handleAction(
      { platform: 'slack', id: body.user.id, ...(locale ? { locale } : {}) },
      decoded,
      {
        id: `slack-action:${body.user.id}:${action.action_ts}`,
        trigger: body.trigger_id,
        ...(message ? { message } : {}),
      },
    );
  });
}
