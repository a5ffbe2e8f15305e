import type { ConversationReference } from '@microsoft/agents-activity';
import type { Address, PersonRef } from '../chat/address.ts';
import { UnreachableError, type ChatPort, type MessageRef } from '../chat/port.ts';
import type { TeamsClient } from './client.ts';
import { rememberForm } from './forms.ts';
import type { ConfiguredPerson } from './people.ts';
import type { ReferenceBook, TeamsMemory } from './references.ts';
import { cardActivity, messageActivity } from './render/card.ts';
import { formCard, noWords } from './render/form-card.ts';

export interface TeamsPortDeps {
  client: TeamsClient;
  book: ReferenceBook;
  memory: TeamsMemory;
  people(): readonly ConfiguredPerson[];
  /** Configured channels (19:…) whose team rosters are searched for a person named by e-mail. */
  channels?: readonly string[];
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

  async function post(to: Address, activity: Record<string, unknown>): Promise<MessageRef> {
    const reference = await target(to);
    const id = await deps.client.send(reference, activity);
    return { address: to, id, conversation: reference.conversation.id };
  }

  return {
    send: (to, view) => post(to, messageActivity(view)),

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

    findPerson: (email) => findByEmail(deps, email),
  };
}

/**
 * Teams knows a person named by e-mail by that address (the adapter matches
 * it when they write). The Bot Connector has no directory search: the
 * address is looked up in the roster of each configured channel's team,
 * which takes a UPN for a member id; one found there is remembered as a
 * member, so Tasa can open a personal chat before they ever write.
 */
async function findByEmail(deps: TeamsPortDeps, email: string): Promise<PersonRef | undefined> {
  const found: PersonRef = { platform: 'teams', id: email };
  if (await deps.book.reachOf(email)) return found;
  const rosters = [];
  for (const channel of deps.channels ?? []) {
    const reference = (await deps.book.reachOf(channel))?.reference;
    if (reference?.serviceUrl) rosters.push({ ...reference, serviceUrl: reference.serviceUrl });
  }
  // Before Tasa is in a configured channel's team there is nowhere to look: that is no answer.
  if (rosters.length === 0) throw new UnreachableError('Tasa is in no configured team yet');
  for (const reference of rosters) {
    const member = await deps.client.member(reference, email);
    if (!member?.id) continue;
    await deps.book.alias(
      [member.id, member.aadObjectId, member.objectId, member.userPrincipalName, member.email],
      email,
    );
    const bot = reference.agent ?? undefined;
    const tenantId = reference.conversation.tenantId;
    await deps.book.saveMember(email, {
      userId: member.id,
      serviceUrl: reference.serviceUrl,
      channelId: reference.channelId,
      bot: bot ?? { id: '' },
      ...(tenantId ? { tenantId } : {}),
    });
    return found;
  }
  return undefined;
}
