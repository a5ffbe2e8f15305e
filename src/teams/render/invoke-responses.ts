import type { FormView } from '../../chat/views.ts';
import type { ConfiguredPerson } from '../people.ts';
import { adaptiveCardType } from './card.ts';
import { formCard, noWords, type FormState } from './form-card.ts';
import { truncate, type AdaptiveCard } from './text.ts';

/** The body of an invoke's answer, as Teams reads it. */
export type InvokeBody = Record<string, unknown>;

/** `adaptiveCard/action`: the clicked (or refreshed) card as it is now, shown at once. */
export const cardResponse = (card: AdaptiveCard): InvokeBody => ({
  statusCode: 200,
  type: adaptiveCardType,
  value: card,
});

/** `adaptiveCard/action` with no card to show: the card stays as it is. */
export const noCardResponse = (): InvokeBody => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: '',
});

/** A refresh of a card Tasa no longer knows: Teams keeps showing the card it has. */
export const unknownCardResponse = (): InvokeBody => ({
  statusCode: 404,
  type: 'application/vnd.microsoft.error',
  value: { code: 'CardNotFound', message: 'no current version of this card' },
});

/** `task/fetch` or `task/submit`: the form as a dialog, with what was typed and what is wrong. */
export function dialogResponse(
  form: FormView,
  people: readonly ConfiguredPerson[],
  state: FormState,
): InvokeBody {
  return {
    task: {
      type: 'continue',
      value: {
        title: truncate(form.title, 100),
        card: {
          contentType: adaptiveCardType,
          content: formCard(form, form.words ?? noWords, people, state),
        },
      },
    },
  };
}

/** A dialog that only says something (why the form cannot be opened). */
export const dialogMessage = (text: string): InvokeBody => ({
  task: { type: 'message', value: truncate(text, 1000) },
});
