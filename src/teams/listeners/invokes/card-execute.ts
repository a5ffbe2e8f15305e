import type { Activity } from '@microsoft/agents-activity';
import { parseAction } from '../../../chat/actions.ts';
import { currentCard } from '../../cards.ts';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { newCapture } from '../../invoke-capture.ts';
import { refreshVerb } from '../../render/buttons.ts';
import {
  cardResponse,
  noCardResponse,
  unknownCardResponse,
  type InvokeBody,
} from '../../render/invoke-responses.ts';
import { rememberSender, type Sender } from '../../sender.ts';
import type { TeamsApplication } from '../../agent.ts';
import { isInvoke } from '../selectors.ts';
import { answerWithinMs, firstOf, respond } from './respond.ts';

/** What an `adaptiveCard/action` invoke carries: the Action.Execute's verb and data. */
function executed(activity: Activity): { verb: string; data: Record<string, unknown> } | undefined {
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)
    ?.action;
  if (typeof action?.verb !== 'string') return undefined;
  const data = typeof action.data === 'object' && action.data !== null ? action.data : {};
  return { verb: action.verb, data: data as Record<string, unknown> };
}

/** The card as the person last saw it: a refresh's answer, and a retried click's. */
async function kept(deps: TeamsDeps, sender: Sender, cardId: string | undefined) {
  if (!cardId) return undefined;
  const card = await currentCard(deps.memory, sender.reply.conversation.id, cardId);
  return card && card.to.id === sender.actor.id ? card.card : undefined;
}

/**
 * A click on a Tasa button (Action.Execute) and a card's refresh. The click
 * goes to the core as any click does; the new version of the clicked card,
 * which the core gives the port, is the invoke's answer, so the card changes
 * at once, before the core has finished (the next question, a colleague's
 * card). A resent invoke counts once and is answered with the card as it is.
 */
async function answer(deps: TeamsDeps, activity: Activity): Promise<InvokeBody> {
  const sender = await rememberSender(deps, activity);
  const action = executed(activity);
  if (!sender || !action) return noCardResponse();
  const cardId = activity.replyToId;
  if (action.verb === refreshVerb) {
    const card = await kept(deps, sender, cardId);
    return card ? cardResponse(card) : unknownCardResponse();
  }
  const clicked = parseAction(action.data.tasa);
  if (!clicked) {
    deps.logger.warn({ activity: activity.id }, 'a card action with an unreadable action');
    return noCardResponse();
  }
  const conversation = sender.reply.conversation.id;
  const { capture, caught } = newCapture({
    dialog: false,
    ...(cardId ? { card: { conversation, id: cardId } } : {}),
  });
  const work = deps.captures.run(capture, () =>
    deps.inbound.receive({
      kind: 'click',
      actor: sender.actor,
      action: clicked,
      delivery: deliveryId(activity),
      ...(cardId
        ? {
            message: {
              address: { platform: 'teams', kind: 'person', id: sender.actor.id },
              id: cardId,
              conversation,
            },
          }
        : {}),
    }),
  );
  await firstOf([caught, work], answerWithinMs);
  capture.answered = true;
  deps.later('teams card action', async () => {
    await work;
  });
  const card = capture.updated ?? (await kept(deps, sender, cardId));
  return card ? cardResponse(card) : noCardResponse();
}

export function registerCardExecute(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isInvoke(context.activity, 'adaptiveCard/action'),
    async (context) => {
      let body: InvokeBody;
      try {
        body = await answer(deps, context.activity);
      } catch (error) {
        // The core tells the person what went wrong; the card stays as it is.
        deps.logger.error(
          { err: error, activity: context.activity.id },
          'teams card action failed',
        );
        body = noCardResponse();
      }
      await respond(context, body);
    },
    true,
  );
}
