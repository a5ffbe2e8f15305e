import type { App } from '@slack/bolt';
import { homeView } from '../../../home/home-view.ts';
import { translatorFor } from '../../../i18n/create.ts';
import { firstDelivery, type SlackDeps } from '../../deps.ts';
import { toBlocks } from '../../render/blocks.ts';

/** App Home: my open questions, and for coordinators the cycle's progress. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!(await firstDelivery(deps.store, (body as { event_id?: string }).event_id))) return;
    const ctx = deps.core.engine.context;
    const person = ctx.directory.canonicalKey({ platform: 'slack', id: event.user });
    const language = await ctx.languageOf(person, await deps.localeOf(event.user));
    const view = await homeView(
      deps.core,
      deps.store,
      person,
      language,
      translatorFor(ctx.i18n, language),
    );
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: toBlocks(view) },
    });
  });
}
