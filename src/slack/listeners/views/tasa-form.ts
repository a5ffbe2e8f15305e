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
    await deps.inbound.receive({
      kind: 'form',
      actor: await slackActor(deps, body.user.id),
      about: parsed.context,
      values: parsed.values,
      delivery: `slack-view:${view.id}:${view.hash}`,
      async checked(errors) {
        acknowledged = true;
        const shown = toSlackErrors(errors);
        await (Object.keys(shown).length > 0
          ? ack({ response_action: 'errors', errors: shown })
          : ack());
      },
    });
    // A retried or failed submission never reached the checks: close the modal all the same.
    if (!acknowledged) await ack();
  });
}
