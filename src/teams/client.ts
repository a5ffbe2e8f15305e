import {
  Activity,
  type ConversationParameters,
  type ConversationReference,
} from '@microsoft/agents-activity';
import type { CloudAdapter, ConnectorClient, TurnContext } from '@microsoft/agents-hosting';
import { UnreachableError } from '../chat/port.ts';
import { teamsCall, type RetryOptions } from './calls.ts';
import type { TeamsLimiter } from './limits.ts';
import type { TeamsMember } from './people.ts';
import type { TeamsMemberOf } from './references.ts';
import { isBotConnectorUrl } from './service-url.ts';
import { isAnonymous, type TeamsSettings } from './settings.ts';

/** An outgoing message as the Bot Connector takes it (type, attachments, summary…). */
export type OutgoingActivity = Record<string, unknown>;

/** The few Bot Connector calls Tasa makes, each retried as Teams asks. */
export interface TeamsClient {
  /** Posts a new message into the reference's conversation; resolves to its activity id. */
  send(reference: ConversationReference, activity: OutgoingActivity): Promise<string>;
  /** Replaces a message (a card) in place. */
  update(
    reference: ConversationReference,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
  /** The member lookup: e-mail, UPN and Entra object id of a user in the conversation. */
  member(reference: ConversationReference, userId: string): Promise<TeamsMember | undefined>;
  /** Opens a 1:1 chat with a team member; resolves to its reference. */
  openPersonalChat(member: TeamsMemberOf): Promise<ConversationReference>;
}

const botFrameworkScope = 'https://api.botframework.com';

/**
 * The Bot Connector through the Agents SDK: every call runs in
 * `continueConversation` on a stored reference, so the SDK picks the token
 * (none in anonymous mode) and the conversation's serviceUrl.
 */
export function teamsClient(
  adapter: CloudAdapter,
  settings: TeamsSettings,
  retry: RetryOptions,
  limiter?: TeamsLimiter,
): TeamsClient {
  // An identity without `aud` makes the SDK call the connector without a token.
  const identity = isAnonymous(settings) ? {} : settings.appId;
  const appId = isAnonymous(settings) ? '' : settings.appId;
  // A reference stored before the route checked serviceUrls may name any host: such a
  // person is reported as unreachable (they write again, and a good one is stored).
  const checked = (serviceUrl: string | undefined): void => {
    if (isAnonymous(settings) || (serviceUrl && isBotConnectorUrl(serviceUrl))) return;
    throw new UnreachableError('ServiceUrlNotAllowed');
  };

  /** Every call, each retry included, waits for its turn under Teams' limits. */
  const turn = (tenant: string | undefined, conversation?: string): Promise<void> =>
    limiter?.take(tenant ?? '', conversation) ?? Promise.resolve();

  const within = <T>(
    reference: ConversationReference,
    work: (context: TurnContext) => Promise<T>,
    message = false,
  ): Promise<T> =>
    teamsCall(async () => {
      checked(reference.serviceUrl);
      await turn(reference.conversation.tenantId, message ? reference.conversation.id : undefined);
      let result: T | undefined;
      await adapter.continueConversation(identity, reference, async (context) => {
        result = await work(context);
      });
      return result as T;
    }, retry);

  return {
    send: (reference, activity) =>
      within(
        reference,
        async (context) => {
          // The continuation activity has a made-up id that the SDK would reply to;
          // a proactive message is a new post in the conversation instead.
          context.onSendActivities(async (_context, activities, next) => {
            for (const outgoing of activities) delete outgoing.replyToId;
            return next();
          });
          const response = await context.sendActivity(Activity.fromObject(activity));
          return response?.id ?? '';
        },
        true,
      ),

    update: (reference, activityId, activity) =>
      within(
        reference,
        async (context) => {
          await context.updateActivity(Activity.fromObject({ ...activity, id: activityId }));
        },
        true,
      ),

    async member(reference, userId) {
      try {
        return await within(reference, async (context) => {
          const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          const conversation = reference.conversation.id.split(';')[0] ?? '';
          return (await connector.getConversationMember(userId, conversation)) as TeamsMember;
        });
      } catch (error) {
        if (error instanceof UnreachableError) return undefined;
        throw error;
      }
    },

    openPersonalChat: (member) =>
      teamsCall(async () => {
        checked(member.serviceUrl);
        await turn(member.tenantId);
        let reference: ConversationReference | undefined;
        // The wire name of the bot account is `bot`; this SDK version only sends its own
        // name for it (`agent`), so both are given.
        const parameters = {
          isGroup: false,
          agent: member.bot,
          bot: member.bot,
          members: [{ id: member.userId }],
          ...(member.tenantId
            ? { tenantId: member.tenantId, channelData: { tenant: { id: member.tenantId } } }
            : {}),
        } as unknown as ConversationParameters;
        await adapter.createConversationAsync(
          appId,
          member.channelId,
          member.serviceUrl,
          botFrameworkScope,
          parameters,
          async (context) => {
            reference = context.activity.getConversationReference();
          },
        );
        if (!reference?.conversation.id) throw new UnreachableError('no personal chat');
        return {
          ...reference,
          conversation: { ...reference.conversation, conversationType: 'personal' },
          user: { id: member.userId },
        };
      }, retry),
  };
}
