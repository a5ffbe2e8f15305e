import type { Activity } from '@microsoft/agents-activity';
import type { Address } from '../../../chat/address.ts';
import { parseAction } from '../../../chat/actions.ts';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { dialogForm, rememberDialog } from '../../forms.ts';
import { newCapture } from '../../invoke-capture.ts';
import { dialogMessage, dialogResponse, type InvokeBody } from '../../render/invoke-responses.ts';
import { readSubmittedForm } from '../../render/submitted-form.ts';
import { rememberSender } from '../../sender.ts';
import type { TeamsApplication } from '../../agent.ts';
import { pickedPeople } from '../picked-people.ts';
import { invokeData, isInvoke } from '../selectors.ts';
import { answerWithinMs, firstOf, respond } from './respond.ts';

/** A dialog's save waits this long for the core, so that a failure keeps the dialog and its text. */
const saveWithinMs = 10_000;

// A dialog is known by the id of the request that opened it; a resent request has the same.
const dialogOf = (activity: Activity): string => activity.id ?? deliveryId(activity);

/**
 * A button that opens a form asks Teams for a dialog (`task/fetch`). The click
 * goes to the core as any click does, and the form the core opens through the
 * port is the answer; a notice instead (not allowed, out of date) is said in
 * the dialog. A resent request shows the same dialog.
 */
async function fetchDialog(deps: TeamsDeps, activity: Activity): Promise<InvokeBody> {
  const sender = await rememberSender(deps, activity);
  const action = parseAction(invokeData(activity)?.tasa);
  if (!sender || !action) return dialogMessage('');
  const conversation = sender.reply.conversation.id;
  const dialog = dialogOf(activity);
  const shown = await dialogForm(deps.memory, conversation, dialog);
  if (shown) return dialogResponse(shown.form, deps.people.configured(), { dialog });
  const to: Address = { platform: 'teams', kind: 'person', id: sender.actor.id };
  const { capture, caught } = newCapture({ dialog: true });
  const cardId = activity.replyToId;
  const work = deps.captures.run(capture, () =>
    deps.inbound.receive({
      kind: 'click',
      actor: sender.actor,
      action,
      delivery: deliveryId(activity),
      ...(cardId ? { message: { address: to, id: cardId, conversation } } : {}),
    }),
  );
  await firstOf([caught, work], answerWithinMs);
  capture.answered = true;
  deps.later('teams dialog', async () => {
    await work;
  });
  if (!capture.form) return dialogMessage(capture.notes.join('\n\n'));
  await rememberDialog(deps.memory, conversation, dialog, { form: capture.form, to });
  return dialogResponse(capture.form, deps.people.configured(), { dialog });
}

/**
 * A dialog submitted (`task/submit`). The core checks and saves it; problems
 * show the same dialog again, each under its field, with everything typed
 * kept; a saved form closes the dialog (no body), and the core updates the
 * card it came from. Teams resends a slow submit with the same id: it counts once.
 */
async function submitDialog(deps: TeamsDeps, activity: Activity): Promise<InvokeBody | undefined> {
  const sender = await rememberSender(deps, activity);
  if (!sender) return undefined;
  const data = invokeData(activity);
  const submitted = readSubmittedForm(data);
  const dialog = typeof data?.tasaDialog === 'string' ? data.tasaDialog : undefined;
  const shown = dialog
    ? await dialogForm(deps.memory, sender.reply.conversation.id, dialog)
    : undefined;
  const values = submitted?.values ?? {};
  if (shown) await pickedPeople(deps, shown.form, values);
  const work = deps.inbound.receive({
    kind: 'form',
    actor: sender.actor,
    // A dialog whose form is no longer known is answered with "out of date, open it again".
    about: shown?.form.context,
    values,
    delivery: deliveryId(activity),
  });
  let outcome: Awaited<typeof work> | undefined;
  await firstOf([work.then((o) => (outcome = o))], saveWithinMs);
  deps.later('teams dialog submit', async () => {
    await work;
  });
  if (shown && outcome?.kind === 'formErrors' && Object.keys(outcome.errors).length > 0)
    return dialogResponse(shown.form, deps.people.configured(), {
      typed: submitted?.typed ?? {},
      errors: outcome.errors,
      ...(dialog ? { dialog } : {}),
    });
  return undefined;
}

export function registerDialogs(app: TeamsApplication, deps: TeamsDeps): void {
  app.addRoute(
    async (context) => isInvoke(context.activity, 'task/fetch'),
    async (context) => {
      let body: InvokeBody;
      try {
        body = await fetchDialog(deps, context.activity);
      } catch (error) {
        deps.logger.error({ err: error, activity: context.activity.id }, 'teams dialog failed');
        body = dialogMessage('');
      }
      await respond(context, body);
    },
    true,
  );
  app.addRoute(
    async (context) => isInvoke(context.activity, 'task/submit'),
    async (context) => {
      let body: InvokeBody | undefined;
      try {
        body = await submitDialog(deps, context.activity);
      } catch (error) {
        deps.logger.error({ err: error, activity: context.activity.id }, 'teams dialog failed');
      }
      await respond(context, body);
    },
    true,
  );
}
