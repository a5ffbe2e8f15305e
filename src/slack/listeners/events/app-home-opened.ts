import type { App } from '@slack/bolt';
import { slackActor, type SlackDeps } from '../../deps.ts';
import { toBlocks } from '../../render/blocks.ts';

/** App Home: my open questions, and for coordinators the cycle's progress. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const eventId = (body as { event_id?: string }).event_id;
    const outcome = await deps.inbound.receive({
      kind: 'homeOpened',
      actor: await slackActor(deps, event.user),
      ...(eventId ? { delivery: `slack-event:${eventId}` } : {}),
    });
    // A failure's explanation is shown where the home would have been.
    const view =
      outcome.kind === 'home' ? outcome.view : outcome.kind === 'reply' ? outcome.message : null;
    if (!view) return;
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: toBlocks(view) },
    });
  });
}
