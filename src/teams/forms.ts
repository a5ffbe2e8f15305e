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

export const sentForm = (
  memory: TeamsMemory,
  conversation: string,
  activityId: string,
): Promise<SentForm | undefined> => memory.sentForm({ conversation, id: activityId });
