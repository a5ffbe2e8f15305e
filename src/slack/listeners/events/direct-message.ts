import type { App } from '@slack/bolt';
import { slackActor, type SlackDeps } from '../../deps.ts';
import { fallbackText, toBlocks } from '../../render/blocks.ts';

/** Text written to Tasa in its direct messages is read as a command (help, my, …). */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.message(async ({ message, body, say }) => {
    if (
      message.channel_type !== 'im' ||
      message.subtype !== undefined ||
      !('user' in message) ||
      !message.user
    )
      return;
    const eventId = (body as { event_id?: string }).event_id;
    const outcome = await deps.inbound.receive({
      kind: 'command',
      actor: await slackActor(deps, message.user),
      text: message.text ?? '',
      ...(eventId ? { delivery: `slack-event:${eventId}` } : {}),
    });
    if (outcome.kind !== 'reply') return;
    await say({ text: fallbackText(outcome.message), blocks: toBlocks(outcome.message) });
  });
}
