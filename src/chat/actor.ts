import type { Evidence } from '../shared/benchmark.ts';
import type { PersonRef } from './address.ts';
import type { MessageRef } from './port.ts';

/** Who clicked or typed: the platform's id, and the language and name the platform reports for them. */
export interface Actor extends PersonRef {
  locale?: string;
  /** The name the platform shows for them (a display name), when it sent one. */
  name?: string;
}

/** The platform's handles for one interaction. */
export interface Interaction {
  /** Unique per interaction; a retried delivery carries the same id and counts once. */
  id?: string;
  /** Opens a form in answer to this interaction (Slack trigger_id). */
  trigger?: string;
  /** The message whose button was pressed. */
  message?: MessageRef;
}

/** A submitted form's values by field id, as the platform read them. */
export type FormValues = Record<string, string | string[] | Evidence[] | undefined>;

/** A text field's value, trimmed; '' when the field is empty or not text. */
export const textValue = (value: FormValues[string]): string =>
  typeof value === 'string' ? value.trim() : '';

/** What is wrong with a form, by field id (`_form` for the form as a whole). */
export type FieldErrors = Record<string, string>;
