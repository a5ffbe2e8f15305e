import type { ChannelAccount, ConversationReference } from '@microsoft/agents-activity';
import type { PlatformMemory } from '../chat/platform-memory.ts';
import type { Address } from '../chat/address.ts';
import type { FormView } from '../chat/views.ts';

/**
 * Someone Tasa has seen in a team or group chat but has no personal chat
 * with yet: Teams lets a bot open a 1:1 chat with a member of a team it is
 * installed in, so this is enough to reach them.
 */
export interface TeamsMemberOf {
  userId: string;
  tenantId?: string;
  serviceUrl: string;
  channelId: string;
  bot: ChannelAccount;
}

/** How to reach one Teams person or conversation, and the language last seen there. */
export interface TeamsReach {
  /** Where to post: the personal chat, the channel or the group chat. */
  reference?: ConversationReference;
  member?: TeamsMemberOf;
  locale?: string;
}

/**
 * What the adapter keeps: the reach of a person (under the id as written in
 * tasa.yaml, or their Entra object id when they are not configured) or of a
 * channel (`19:…`); aliases name that id for any other way the same person is
 * known (29: user id, Entra object id, e-mail); and the form cards it sent.
 */
/** A form card as sent, so it can be shown again with what is wrong, or closed. */
export interface SentForm {
  form: FormView;
  to: Address;
}

/** The current version of a card with buttons, as the person last saw it (JSON). */
export interface SentCard {
  card: { type: 'AdaptiveCard'; version: string; body: Record<string, unknown>[] };
  to: Address;
}

export type TeamsMemory = PlatformMemory<TeamsReach, SentForm | SentCard>;

/** A channel message's conversation is `19:…@thread.tacv2;messageid=…`: the channel is the part before. */
export const channelIdOf = (conversationId: string): string => conversationId.split(';')[0] ?? '';

export interface ReferenceBook {
  /** The reach for an id as the core knows it, directly or through an alias. */
  reachOf(id: string): Promise<TeamsReach | undefined>;
  /** A personal chat (or a channel): replaces what was known, keeps the locale if none is given. */
  saveConversation(id: string, reference: ConversationReference, locale?: string): Promise<void>;
  /** Seen in a team or group chat; a personal chat, once known, is kept. */
  saveMember(id: string, member: TeamsMemberOf, locale?: string): Promise<void>;
  /** The app was removed from the person's personal scope. */
  forget(id: string): Promise<void>;
  /** The id the core knows for another form of it, if one was recorded. */
  aliasOf(id: string): Promise<string | undefined>;
  alias(forms: readonly (string | undefined)[], id: string): Promise<void>;
}

/** A reference to post with: no activity id, so messages are new posts rather than replies. */
export function proactiveReference(reference: ConversationReference): ConversationReference {
  const proactive = { ...reference };
  delete proactive.activityId;
  return proactive;
}

export function referenceBook(memory: TeamsMemory): ReferenceBook {
  return {
    async reachOf(id) {
      const direct = await memory.reach(id);
      if (direct) return direct;
      const alias = await memory.aliasOf(id);
      return alias && alias !== id ? memory.reach(alias) : undefined;
    },
    saveConversation: (id, reference, locale) =>
      memory.updateReach(id, (known) => ({
        reference: proactiveReference(reference),
        ...(known?.member ? { member: known.member } : {}),
        ...((locale ?? known?.locale) ? { locale: locale ?? known?.locale } : {}),
      })),
    saveMember: (id, member, locale) =>
      memory.updateReach(id, (known) => ({
        ...known,
        member,
        ...((locale ?? known?.locale) ? { locale: locale ?? known?.locale } : {}),
      })),
    forget: (id) =>
      memory.updateReach(id, (known) => {
        if (!known?.reference) return undefined;
        const rest = { ...known };
        delete rest.reference;
        return rest;
      }),
    aliasOf: (id) => memory.aliasOf(id),
    alias: (forms, id) =>
      memory.alias(
        forms.filter((form): form is string => form !== undefined),
        id,
      ),
  };
}
