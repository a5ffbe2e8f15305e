import type { App } from '@slack/bolt';
import { slackActor, type SlackDeps } from '../../deps.ts';
import { fallbackText, toBlocks } from '../../render/blocks.ts';

/** `/tasa …`: acknowledged at once; the reply follows, visible only to whoever asked. */
export function registerTasaCommand(app: App, deps: SlackDeps): void {
  app.command('/tasa', async ({ command, ack, respond }) => {
    await ack();
    const outcome = await deps.inbound.receive({
      kind: 'command',
      actor: await slackActor(deps, command.user_id, command.user_name),
      text: command.text,
      delivery: `slack-command:${command.trigger_id}`,
      trigger: command.trigger_id,
    });
    if (outcome.kind !== 'reply') return;
    await respond({
      response_type: 'ephemeral',
      text: fallbackText(outcome.message),
      blocks: toBlocks(outcome.message),
    });
  });
}
