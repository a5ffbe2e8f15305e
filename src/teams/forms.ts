import type { Address } from '../chat/address.ts';
import type { MessageRef } from '../chat/port.ts';
import type { FormView } from '../chat/views.ts';
import type { TeamsMemory } from './references.ts';

/** A form card as sent, so it can be shown again with what is wrong, or closed. */
export interface SentForm {
  form: FormView;
  to: Address;
}

// A form left open longer than this is answered with "out of date, open it again".
const formTtlMs = 30 * 24 * 60 * 60 * 1000;

export async function rememberForm(
  memory: TeamsMemory,
  ref: MessageRef,
  form: FormView,
): Promise<void> {
  await memory.rememberForm(ref, ref.address.id, { form, to: ref.address }, formTtlMs);
}

export const sentForm = (
  memory: TeamsMemory,
  conversation: string,
  activityId: string,
): Promise<SentForm | undefined> => memory.sentForm({ conversation, id: activityId });
