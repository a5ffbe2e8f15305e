import type { ConversationReference } from '@microsoft/agents-activity';
import type { Address, PersonRef } from '../chat/address.ts';
import {
  UnreachableError,
  type ChatPort,
  type MessageRef,
  type SendOptions,
} from '../chat/port.ts';
import type { MessageView } from '../chat/views.ts';
import { currentCard, rememberCard } from './cards.ts';
import type { TeamsClient } from './client.ts';
import { rememberForm } from './forms.ts';
import type { InvokeCaptures } from './invoke-capture.ts';
import type { ConfiguredPerson } from './people.ts';
import { channelIdOf, type ReferenceBook, type TeamsMemory } from './references.ts';
import { cardActivity, messageActivity } from './render/card.ts';
import { formCard, noWords } from './render/form-card.ts';
import type { AdaptiveCard } from './render/text.ts';

export interface TeamsPortDeps {
  client: TeamsClient;
  book: ReferenceBook;
  memory: TeamsMemory;
  people(): readonly ConfiguredPerson[];
  /** What an invoke being answered takes for its answer instead of a Bot Connector call. */
  captures: InvokeCaptures;
  /** Configured channels (19:…) whose team rosters are searched for a person named by e-mail. */
  channels?: readonly string[];
}

/** The person's Teams id in their own chat: their cards are refreshed for them. */
const ownerOf = (to: Address, reference: ConversationReference): string | undefined =>
  to.kind === 'person' && reference.conversation.conversationType === 'personal'
    ? reference.user?.id
    : undefined;

// messageActivity always puts the card first; images, if any, come after it.
const contentOf = (activity: Record<string, unknown>): AdaptiveCard =>
  (activity.attachments as [{ content: AdaptiveCard }])[0].content;

const isNotice = (view: MessageView): boolean => !view.blocks.some((b) => b.type === 'actions');

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

  /** Keeps the card a refresh answers with: one that refreshes, or a later version of one. */
  async function keep(ref: MessageRef, card: AdaptiveCard, before: boolean): Promise<void> {
    if (card.refresh || before) await rememberCard(deps.memory, ref, ref.address, card);
  }

  return {
    async send(to, view, options) {
      const capture = deps.captures.current();
      if (capture?.dialog && !capture.form && isNotice(view)) {
        // Why a form does not open is said in the dialog that was asked for.
        capture.notes.push(view.text);
        return { address: to, id: '', conversation: '' };
      }
      const reference = inThread(await target(to), options?.thread);
      const activity = messageActivity(view, ownerOf(to, reference));
      const id = await deps.client.send(reference, activity);
      const ref = { address: to, id, conversation: reference.conversation.id };
      await keep(ref, contentOf(activity), false);
      return ref;
    },

    async update(ref, view) {
      const reference = (await deps.book.reachOf(ref.address.id))?.reference;
      if (!reference) throw new UnreachableError('app not installed');
      const activity = messageActivity(view, ownerOf(ref.address, reference));
      const card = contentOf(activity);
      const known = ownerOf(ref.address, reference)
        ? (await currentCard(deps.memory, ref.conversation, ref.id)) !== undefined
        : false;
      const capture = deps.captures.current();
      if (capture?.card?.id === ref.id && capture.card.conversation === ref.conversation) {
        // The clicked card: its new version is the click's answer, shown at once.
        await keep(ref, card, known);
        capture.updated = card;
        capture.onCaptured();
        return;
      }
      // Kept first: should the replacement fail, a refresh still shows the person the truth.
      await keep(ref, card, known);
      await deps.client.update(
        { ...reference, conversation: { ...reference.conversation, id: ref.conversation } },
        ref.id,
        activity,
      );
    },

    // A form is a dialog when the click asked for one (task/fetch); where there are
    // no dialogs, it comes as a new card under the one clicked, which stays as it was.
    async openForm(to, _trigger, form) {
      const capture = deps.captures.current();
      if (capture?.dialog) {
        capture.form = form;
        capture.onCaptured();
        return;
      }
      const sent = await post(
        to,
        cardActivity(formCard(form, form.words ?? noWords, deps.people()), form.title),
      );
      await rememberForm(deps.memory, sent, form);
    },

    personLocale: async (to) => (await deps.book.reachOf(to.id))?.locale,

    // The roster of the person's own chat names them, as Teams shows them to colleagues.
    async personName(to) {
      if (to.kind !== 'person') return undefined;
      const reference = (await deps.book.reachOf(to.id))?.reference;
      const user = reference?.user?.id;
      return reference && user ? (await deps.client.member(reference, user))?.name : undefined;
    },
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
