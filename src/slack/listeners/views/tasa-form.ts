import type { App } from '@slack/bolt';
import type { FieldErrors } from '../../../chat/actor.ts';
import { slackActor, type SlackDeps } from '../../deps.ts';
import { formCallbackId, fromModal, toSlackErrors } from '../../render/modal.ts';

/**
 * A submitted Tasa modal. Problems are shown next to their fields
 * (`response_action: errors`) within Slack's 3 seconds, and the modal keeps
 * what was typed; otherwise the answer is saved after the acknowledgement.
 */
export function registerTasaForm(app: App, deps: SlackDeps): void {
  app.view(formCallbackId, async ({ ack, body, view }) => {
    const parsed = fromModal(view.private_metadata, view.state.values as never);
    if (!parsed) {
      await ack();
      return;
    }
    let acknowledged = false;
    // A problem of the form as a whole (the store away) is shown under its first field, so the
    // modal stays open with what was typed.
    const answer = async (errors: FieldErrors): Promise<void> => {
      acknowledged = true;
      const first = Object.keys(view.state.values)[0];
      const whole = errors._form && first ? { [first]: errors._form } : {};
      const shown = { ...whole, ...toSlackErrors(errors) };
      await (Object.keys(shown).length > 0
        ? ack({ response_action: 'errors', errors: shown })
        : ack());
    };
    const outcome = await deps.inbound.receive({
      kind: 'form',
      actor: await slackActor(deps, body.user.id, body.user.name),
      about: parsed.context,
      values: parsed.values,
      delivery: `slack-view:${view.id}:${view.hash}`,
      checked: answer,
    });
    // Failed before the checks (the store away), or a retried submission, which just closes.
    if (!acknowledged) await answer(outcome.kind === 'formErrors' ? outcome.errors : {});
  });
}
