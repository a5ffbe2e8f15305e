import type { App } from '@slack/bolt';
import { runCommand } from '../../../commands/run.ts';
import { firstDelivery, type SlackDeps } from '../../deps.ts';
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
    if (!(await firstDelivery(deps.store, (body as { event_id?: string }).event_id))) return;
    const locale = await deps.localeOf(message.user);
    const reply = await runCommand(
      deps.core,
      deps.cycleDeps,
      { platform: 'slack', id: message.user, ...(locale ? { locale } : {}) },
      message.text ?? '',
    );
    await say({ text: fallbackText(reply), blocks: toBlocks(reply) });
  });
}
