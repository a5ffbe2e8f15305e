import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { Actor } from '../chat/actor.ts';
import type { TeamsDeps } from './deps.ts';
import { localeOf } from './locale.ts';
import { channelIdOf, proactiveReference } from './references.ts';

/** Who sent an activity, as the core knows them, and where to answer. */
export interface Sender {
  actor: Actor;
  /** The conversation the activity came from (a channel message's thread): replies go here. */
  reply: ConversationReference;
  personal: boolean;
}

const tenantOf = (activity: Activity): string | undefined =>
  activity.conversation?.tenantId ??
  (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;

/**
 * Remembers how to reach the sender (and the channel or group chat it came
 * from) and names them as tasa.yaml does. Runs for every message and install,
 * so references stay fresh, a person named by e-mail is matched the first
 * time they install the app or write.
 */
export async function rememberSender(
  deps: Pick<TeamsDeps, 'book' | 'people' | 'client'>,
  activity: Activity,
): Promise<Sender | undefined> {
  const from = activity.from;
  if (!from?.id || from.id === activity.recipient?.id || !activity.conversation) return undefined;
  const incoming = proactiveReference(activity.getConversationReference());
  const id = await deps.people.resolve(from, () => deps.client.member(incoming, from.id ?? ''));
  const locale = localeOf(activity);
  const personal = activity.conversation.conversationType === 'personal';
  if (personal) {
    await deps.book.saveConversation(id, incoming, locale);
  } else {
    const channel = channelIdOf(activity.conversation.id);
    // A post to the channel is for everyone in it, not addressed to the sender.
    const shared = { ...incoming, conversation: { ...activity.conversation, id: channel } };
    delete shared.user;
    await deps.book.saveConversation(channel, shared);
    const tenantId = tenantOf(activity);
    await deps.book.saveMember(
      id,
      {
        userId: from.id,
        serviceUrl: activity.serviceUrl ?? '',
        channelId: activity.channelId ?? 'msteams',
        bot: activity.recipient ?? { id: '' },
        ...(tenantId ? { tenantId } : {}),
      },
      locale,
    );
  }
  return {
    actor: {
      platform: 'teams',
      id,
      ...(locale ? { locale } : {}),
      ...(from.name ? { name: from.name } : {}),
    } satisfies Actor,
    reply: incoming,
    personal,
  };
}
