import type { Action } from '../../src/chat/actions.ts';
import type { Actor, FormValues, Interaction } from '../../src/chat/actor.ts';
import type { InboundPort, Outcome } from '../../src/inbound/port.ts';

/** A form's result as tests read it: saved, or the problems by field. */
export type FormResult = { ok: true } | { ok: false; errors: Record<string, string> };

export const formResult = (outcome: Outcome): FormResult =>
  outcome.kind === 'formErrors' ? { ok: false, errors: outcome.errors } : { ok: true };

/** Clicks and forms through the core's one way in, as a platform would hand them over. */
export function drive(core: { inbound: InboundPort }) {
  return {
    async handleAction(actor: Actor, action: Action, interaction: Interaction = {}) {
      await core.inbound.receive({
        kind: 'click',
        actor,
        action,
        ...(interaction.id ? { delivery: interaction.id } : {}),
        ...(interaction.trigger ? { trigger: interaction.trigger } : {}),
        ...(interaction.message ? { message: interaction.message } : {}),
      });
    },
    async submitForm(
      actor: Actor,
      about: Action,
      values: FormValues,
      interaction: Interaction = {},
    ): Promise<FormResult> {
      return formResult(
        await core.inbound.receive({
          kind: 'form',
          actor,
          about,
          values,
          ...(interaction.id ? { delivery: interaction.id } : {}),
        }),
      );
    },
    resume: (actor: Actor) => drive(core).handleAction(actor, { kind: 'resume' }),
  };
}
