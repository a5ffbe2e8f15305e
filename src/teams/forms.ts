import type { Address } from '../chat/address.ts';
import type { MessageRef } from '../chat/port.ts';
import type { FormView } from '../chat/views.ts';
import type { Store } from '../store/store.ts';

/** A form card as sent, so it can be shown again with what is wrong, or closed. */
export interface SentForm {
  form: FormView;
  to: Address;
}

// A form left open longer than this is answered with "out of date, open it again".
const formTtlMs = 30 * 24 * 60 * 60 * 1000;

const formKey = (conversation: string, activityId: string): string =>
  `teams-form:${conversation}:${activityId}`;

export async function rememberForm(store: Store, ref: MessageRef, form: FormView): Promise<void> {
  await store.set<SentForm>(
    formKey(ref.conversation, ref.id),
    { form, to: ref.address },
    formTtlMs,
  );
}

export const sentForm = (
  store: Store,
  conversation: string,
  activityId: string,
): Promise<SentForm | undefined> => store.get<SentForm>(formKey(conversation, activityId));
