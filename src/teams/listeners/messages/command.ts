import type { Activity } from '@microsoft/agents-activity';
import { runCommand } from '../../../commands/run.ts';
import { interactionId, type TeamsDeps } from '../../deps.ts';
import { messageActivity } from '../../render/card.ts';
import { rememberSender } from '../../sender.ts';
import type { TeamsApplication } from '../../agent.ts';
import { isCardAction, isCardForm, mentionsBot } from '../selectors.ts';

/** Text for Tasa: anything in the personal chat; in a channel or group chat only with @Tasa. */
const isCommand = (activity: Activity): boolean =>
  activity.type === 'message' &&
  !isCardAction(activity) &&
  !isCardForm(activity) &&
  (activity.conversation?.conversationType === 'personal' || mentionsBot(activity));

// Teams may leave a non-breaking space where the mention was.
const commandText = (text: string | undefined): string => (text ?? '').replaceAll('&nbsp;', ' ');

/** A command typed to Tasa (help, my, cycle start …): the same commands as Slack's /tasa. */
export function registerCommand(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isCommand(context.activity),
    async (context) => {
      const activity = context.activity;
      deps.later('teams command', async () => {
        // Teams resends what it thinks was not received; a command runs once.
        if (!(await deps.store.claim(`command:${interactionId(activity)}`, 24 * 60 * 60 * 1000)))
          return;
        const sender = await rememberSender(deps, activity);
        if (!sender) return;
        const reply = await runCommand(
          deps.core,
          deps.cycleDeps,
          sender.actor,
          commandText(activity.text),
          { id: interactionId(activity) },
        );
        await deps.client.send(sender.reply, messageActivity(reply));
      });
    },
  );
}
