import type { Activity } from '@microsoft/agents-activity';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
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
        const sender = await rememberSender(deps, activity);
        if (!sender) return;
        const outcome = await deps.inbound.receive({
          kind: 'command',
          actor: sender.actor,
          text: commandText(activity.text),
          delivery: deliveryId(activity),
        });
        if (outcome.kind === 'reply')
          await deps.client.send(sender.reply, messageActivity(outcome.message));
      });
    },
  );
}
