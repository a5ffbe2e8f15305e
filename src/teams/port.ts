import type { ConversationReference } from '@microsoft/agents-activity';
import type { Address } from '../chat/address.ts';
import {
  UnreachableError,
  type ChatPort,
  type MessageRef,
  type SendOptions,
} from '../chat/port.ts';
import type { TeamsClient } from './client.ts';
import { rememberForm } from './forms.ts';
import type { ConfiguredPerson } from './people.ts';
import { channelIdOf, type ReferenceBook, type TeamsMemory } from './references.ts';
import { cardActivity, messageActivity } from './render/card.ts';
import { formCard, noWords } from './render/form-card.ts';

export interface TeamsPortDeps {
  client: TeamsClient;
  book: ReferenceBook;
  memory: TeamsMemory;
  people(): readonly ConfiguredPerson[];
}

/**
 * The chat port on the Bot Connector. Teams lets a bot write only where it
 * holds a conversation reference, so every send starts from the one stored
 * for the person or channel: none (the app is not installed) is
 * UnreachableError, and the core reports the person to the coordinators.
 */
export function teamsPort(deps: TeamsPortDeps): ChatPort {
  async function target(to: Address): Promise<ConversationReference> {
    const reach = await deps.book.reachOf(to.id);
    if (reach?.reference) return reach.reference;
    if (reach?.member && to.kind === 'person') {
      // Seen in a team or group chat only: open the personal chat now, once.
      const reference = await deps.client.openPersonalChat(reach.member);
      await deps.book.saveConversation(to.id, reference);
      return reference;
    }
    throw new UnreachableError('app not installed');
  }

  async function post(
    to: Address,
    activity: Record<string, unknown>,
    options: SendOptions = {},
  ): Promise<MessageRef> {
    const reference = inThread(await target(to), options.thread);
    const id = await deps.client.send(reference, activity);
    return { address: to, id, conversation: reference.conversation.id };
  }

  return {
    send: (to, view, options) => post(to, messageActivity(view), options),

    async update(ref, view) {
      const reference = (await deps.book.reachOf(ref.address.id))?.reference;
      if (!reference) throw new UnreachableError('app not installed');
      await deps.client.update(
        { ...reference, conversation: { ...reference.conversation, id: ref.conversation } },
        ref.id,
        messageActivity(view),
      );
    },

    // Teams has no modal to open in answer to a message button (a dialog needs
    // an invoke round trip the engine does not make), so the form comes as a
    // new card under the one clicked, which stays as it was until answered.
    async openForm(to, _trigger, form) {
      const sent = await post(
        to,
        cardActivity(formCard(form, form.words ?? noWords, deps.people()), form.title),
      );
      await rememberForm(deps.memory, sent, form);
    },

    personLocale: async (to) => (await deps.book.reachOf(to.id))?.locale,
  };
}

/**
 * A reply in a channel message's thread: the Bot Connector takes it posted to
 * the conversation `<channel>;messageid=<id of the thread's first message>`.
 * Personal and group chats have no threads, so a reply there is a new message.
 */
export function inThread(
  reference: ConversationReference,
  thread: MessageRef | undefined,
): ConversationReference {
  if (!thread || reference.conversation.conversationType !== 'channel') return reference;
  const conversation = `${channelIdOf(thread.conversation)};messageid=${thread.id}`;
  return { ...reference, conversation: { ...reference.conversation, id: conversation } };
}
