import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
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
    const locale = await deps.localeOf(body.user.id);
    const actor = { platform: 'slack' as const, id: body.user.id, ...(locale ? { locale } : {}) };
    const errors = toSlackErrors(
      await deps.core.engine.checkForm(actor, parsed.context, parsed.values),
    );
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await deps.core.engine.submitForm(actor, parsed.context, parsed.values, {
      id: `slack-view:${view.id}:${view.hash}`,
    });
  });
}
