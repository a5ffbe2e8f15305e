import type { App } from '@slack/bolt';
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
    const outcome = await deps.inbound.receive({
      kind: 'form',
      actor: await slackActor(deps, body.user.id),
      about: parsed.context,
      values: parsed.values,
      delivery: `slack-view:${view.id}:${view.hash}`,
      async checked(errors) {
        acknowledged = true;
        // A problem of the form as a whole (the store away) is shown under its first field.
        const first = Object.keys(view.state.values)[0];
        const whole = errors._form && first ? { [first]: errors._form } : {};
        const shown = { ...whole, ...toSlackErrors(errors) };
        await (Object.keys(shown).length > 0
          ? ack({ response_action: 'errors', errors: shown })
          : ack());
      },
    });
    if (acknowledged) return;
    // Failed before the checks (e.g. the store is away): the modal stays open with what was
    // typed, the reason under its first field. A retried submission just closes.
    const first = Object.keys(view.state.values)[0];
    const reason = outcome.kind === 'formErrors' ? outcome.errors._form : undefined;
    await (reason && first
      ? ack({ response_action: 'errors', errors: { [first]: reason } })
      : ack());
  });
}
