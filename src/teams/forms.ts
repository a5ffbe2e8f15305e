import type { FormView } from '../chat/views.ts';
import type { MessageRef } from '../chat/port.ts';
import type { SentForm, TeamsMemory } from './references.ts';

export type { SentForm } from './references.ts';

// A form left open longer than this is answered with "out of date, open it again".
const formTtlMs = 30 * 24 * 60 * 60 * 1000;

export async function rememberForm(
  memory: TeamsMemory,
  ref: MessageRef,
  form: FormView,
): Promise<void> {
  await memory.rememberForm(ref, ref.address.id, { form, to: ref.address }, formTtlMs);
}

export async function sentForm(
  memory: TeamsMemory,
  conversation: string,
  activityId: string,
): Promise<SentForm | undefined> {
  const kept = await memory.sentForm({ conversation, id: activityId });
  return kept && 'form' in kept ? kept : undefined;
}

// A dialog has no message of its own: it is kept under the id of the request that opened it.
const dialogId = (dialog: string): string => `dialog:${dialog}`;

/** A form shown as a dialog, so that its submit is read, checked and shown again as it was. */
export const rememberDialog = (
  memory: TeamsMemory,
  conversation: string,
  dialog: string,
  sent: SentForm,
): Promise<void> =>
  memory.rememberForm({ conversation, id: dialogId(dialog) }, sent.to.id, sent, formTtlMs);

export const dialogForm = (
  memory: TeamsMemory,
  conversation: string,
  dialog: string,
): Promise<SentForm | undefined> => sentForm(memory, conversation, dialogId(dialog));
