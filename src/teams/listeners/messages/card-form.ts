import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { sentForm } from '../../forms.ts';
import { cardActivity } from '../../render/card.ts';
import { closedFormCard, formCard, noWords, readSubmittedForm } from '../../render/form-card.ts';
import { rememberSender } from '../../sender.ts';
import type { TeamsApplication } from '../../agent.ts';
import { pickedPeople } from '../picked-people.ts';
import { isCardForm } from '../selectors.ts';

/**
 * A Tasa form card submitted. The core checks it and saves it; problems are
 * shown on the card itself, in red under their fields, with everything typed
 * kept; a saved form's card is replaced by a read-only one, so it cannot be
 * sent twice. Teams resends a slow submit with the same activity id; the core
 * counts it once.
 */
export function registerCardForm(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isCardForm(context.activity),
    async (context) => {
      const activity = context.activity;
      deps.later('teams form', async () => {
        const sender = await rememberSender(deps, activity);
        if (!sender) return;
        const submitted = readSubmittedForm(activity.value);
        const cardId = activity.replyToId;
        const shown = cardId
          ? await sentForm(deps.memory, sender.reply.conversation.id, cardId)
          : undefined;
        const values = submitted?.values ?? {};
        if (shown) await pickedPeople(deps, shown.form, values);
        const outcome = await deps.inbound.receive({
          kind: 'form',
          actor: sender.actor,
          // A card whose form is no longer known is answered with "out of date, open it again".
          about: shown ? submitted?.context : undefined,
          values,
          delivery: deliveryId(activity),
        });
        if (!shown || !cardId) return;
        const { form } = shown;
        const words = form.words ?? noWords;
        if (outcome.kind === 'formErrors' && Object.keys(outcome.errors).length > 0) {
          const state = { typed: submitted?.typed ?? {}, errors: outcome.errors };
          const again = formCard(form, words, deps.people.configured(), state);
          await deps.client.update(sender.reply, cardId, cardActivity(again, form.title));
        }
        if (outcome.kind === 'formSaved') {
          const closed = closedFormCard(form, outcome.text);
          await deps.client.update(sender.reply, cardId, cardActivity(closed, form.title));
        }
      });
    },
  );
}
