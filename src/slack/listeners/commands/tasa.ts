import type { App } from '@slack/bolt';
import { runCommand } from '../../../commands/run.ts';
import type { SlackDeps } from '../../deps.ts';
import { fallbackText, toBlocks } from '../../render/blocks.ts';

/** `/tasa …`: acknowledged at once; the reply follows, visible only to whoever asked. */
export function registerTasaCommand(app: App, deps: SlackDeps): void {
  app.command('/tasa', async ({ command, ack, respond }) => {
    await ack();
    const locale = await deps.localeOf(command.user_id);
    const reply = await runCommand(
      deps.core,
      deps.cycleDeps,
      { platform: 'slack', id: command.user_id, ...(locale ? { locale } : {}) },
      command.text,
      { id: `slack-command:${command.trigger_id}`, trigger: command.trigger_id },
    );
    await respond({
      response_type: 'ephemeral',
      text: fallbackText(reply),
      blocks: toBlocks(reply),
    });
  });
}
