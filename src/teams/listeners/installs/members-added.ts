import { runCommand } from '../../../commands/run.ts';
import { translatorFor } from '../../../i18n/create.ts';
import type { TeamsApplication } from '../../agent.ts';
import type { TeamsDeps } from '../../deps.ts';
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
      const ctx = deps.core.engine.context;
      if (!sender.personal) return;
      const person = ctx.directory.canonicalKey(sender.actor);
      const t = translatorFor(ctx.i18n, await ctx.languageOf(person, sender.actor.locale));
      const help = await runCommand(deps.core, deps.cycleDeps, sender.actor, 'help');
      const welcome = t('teams:welcome');
      await deps.client.send(
        sender.reply,
        messageActivity({
          text: welcome,
          blocks: [{ type: 'text', text: welcome }, ...help.blocks],
        }),
      );
    });
  });
}
