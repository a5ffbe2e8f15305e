import { notice } from '../../../checkins/messages.ts';
import { translatorFor } from '../../../i18n/create.ts';
import { interactionId, type TeamsDeps } from '../../deps.ts';
import { sentForm } from '../../forms.ts';
import { cardActivity, messageActivity } from '../../render/card.ts';
import { closedFormCard, formCard, readSubmittedForm } from '../../render/form-card.ts';
import { rememberSender } from '../../sender.ts';
import { formTexts } from '../../texts.ts';
import type { TeamsApplication } from '../../agent.ts';
import { isCardForm } from '../selectors.ts';

/**
 * A Tasa form card submitted. Problems are checked first and shown on the
 * card itself, in red under their fields, with everything typed kept; a saved
 * form's card is replaced by a read-only one, so it cannot be sent twice.
 * Teams resends a slow submit with the same activity id; the engine counts it once.
 */
export function registerCardForm(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isCardForm(context.activity),
    async (context) => {
      const activity = context.activity;
      deps.later('teams form', async () => {
        const sender = await rememberSender(deps, activity);
        if (!sender) return;
        const engine = deps.core.engine;
        const ctx = engine.context;
        const person = ctx.directory.canonicalKey(sender.actor);
        const t = translatorFor(ctx.i18n, await ctx.languageOf(person, sender.actor.locale));
        const submitted = readSubmittedForm(activity.value);
        const cardId = activity.replyToId;
        const shown = cardId
          ? await sentForm(deps.memory, sender.reply.conversation.id, cardId)
          : undefined;
        if (!submitted || !cardId || !shown) {
          await deps.client.send(
            sender.reply,
            messageActivity(notice(t('checkins:errors.staleForm'))),
          );
          return;
        }
        const { context: about, values, typed } = submitted;
        // The people picker gives an Entra object id; the core knows people as tasa.yaml names them.
        for (const field of shown.form.fields) {
          const picked = values[field.id];
          if (field.type === 'person' && typeof picked === 'string')
            values[field.id] = await deps.people.picked(picked);
          if (field.type === 'people' && Array.isArray(picked))
            values[field.id] = await Promise.all(
              picked
                .filter((id): id is string => typeof id === 'string')
                .map((id) => deps.people.picked(id)),
            );
        }
        const texts = formTexts(t);
        const people = deps.people.configured();
        const showAgain = (errors: Record<string, string>) =>
          deps.client.update(
            sender.reply,
            cardId,
            cardActivity(formCard(shown.form, texts, people, { typed, errors }), shown.form.title),
          );

        const problems = await engine.checkForm(sender.actor, about, values);
        if (Object.keys(problems).length > 0) {
          await showAgain(problems);
          return;
        }
        const result = await engine.submitForm(sender.actor, about, values, {
          id: interactionId(activity),
        });
        if (!result.ok) {
          await showAgain(result.errors);
          return;
        }
        await deps.client.update(
          sender.reply,
          cardId,
          cardActivity(closedFormCard(shown.form, t('teams:form.saved')), shown.form.title),
        );
      });
    },
  );
}
