import type { Action } from '../chat/actions.ts';
import type { Actor, FieldErrors, FormValues } from '../chat/actor.ts';
import type { MessageRef } from '../chat/port.ts';
import type { MessageView } from '../chat/views.ts';

/** What every input carries: who, and the platform's id of this delivery. */
interface From {
  actor: Actor;
  /**
   * Unique per delivery on its platform (Slack's action_ts or event id, the
   * Teams activity id); a platform's retry carries the same id and counts once.
   */
  delivery?: string;
}

/**
 * Everything a platform can tell the core, in the core's words. Adapters parse
 * their payloads into one of these and render the outcome; nothing else.
 */
export type Input =
  /** A button was pressed. `trigger` opens a form in answer (Slack trigger_id). */
  | (From & { kind: 'click'; action: Action; trigger?: string; message?: MessageRef })
  /**
   * A form was submitted. `about` is undefined when the platform could no
   * longer tell which form it was (a stale card). `checked` is called once the
   * values are checked, before anything is saved, for platforms that must
   * answer within seconds (Slack's view submission).
   */
  | (From & {
      kind: 'form';
      about: Action | undefined;
      values: FormValues;
      checked?: (errors: FieldErrors) => Promise<void>;
    })
  /** Text for Tasa: Slack's `/tasa …`, a direct message, a Teams message. */
  | (From & { kind: 'command'; text: string; trigger?: string })
  /** The person's own view: Slack's App Home. */
  | (From & { kind: 'homeOpened' })
  /**
   * Tasa was added to a conversation, or updated there. `greet` when the
   * person is to be welcomed in their own chat (Teams sends two activities for
   * one install: only one of them greets).
   */
  | (From & { kind: 'installed'; greet: boolean })
  /** Tasa was removed from a person's own chat. */
  | (From & { kind: 'removed' });

export type InputKind = Input['kind'];

/** What the platform shows in answer, if anything. */
export type Outcome =
  /** Handled; whatever the person sees was sent through the chat port. */
  | { kind: 'done' }
  /** A retry or double tap of a delivery already handled: nothing to show. */
  | { kind: 'duplicate' }
  /** A reply to show to whoever wrote (a command's answer, a welcome). */
  | { kind: 'reply'; message: MessageView }
  /** The person's own view, e.g. App Home. */
  | { kind: 'home'; view: MessageView }
  /** The form stays open, with these problems next to their fields and what was typed kept. */
  | { kind: 'formErrors'; errors: FieldErrors }
  /** The form was saved; platforms that keep forms in the conversation close it with this text. */
  | { kind: 'formSaved'; text: string };

/** The core's one way in. */
export interface InboundPort {
  receive(input: Input): Promise<Outcome>;
}
