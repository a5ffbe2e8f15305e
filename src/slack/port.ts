import type { WebClient } from '@slack/web-api';
import type { ChatPort, MessageRef } from '../chat/port.ts';
import { UnreachableError } from '../chat/port.ts';
import { fallbackText, toBlocks } from './render/blocks.ts';
import { toModal } from './render/modal.ts';
import type { SlackProfile } from './locale.ts';

/** Slack errors that mean a person or channel cannot be reached, not that Slack is down. */
const unreachable = new Set([
  'channel_not_found',
  'user_not_found',
  'not_in_channel',
  'is_archived',
  'user_disabled',
  'cannot_dm_bot',
]);

/** The message metadata type that carries a delivery key (see src/delivery/send-once.ts). */
const deliveryEvent = 'tasa_delivery';
/** A delivery looks back over at most this many pages of 200 messages. */
const lookBackPages = 5;

/** The bytes as a Buffer over the same memory: an export's files are megabytes, not worth a copy. */
const asBuffer = (content: string | Uint8Array): Buffer =>
  typeof content === 'string'
    ? Buffer.from(content)
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);

function slackError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * The chat port on Slack's Web API. Rate limits are handled by the WebClient,
 * which waits as long as Slack's Retry-After says and tries again.
 */
export function slackPort(
  client: WebClient,
  profileOf?: (user: string) => Promise<SlackProfile>,
): ChatPort {
  // Direct-message channel ids, per user: conversations.open once per person.
  const directChannels = new Map<string, string>();

  async function channelOf(to: { kind: 'person' | 'channel'; id: string }): Promise<string> {
    if (to.kind === 'channel') return to.id;
    const known = directChannels.get(to.id);
    if (known) return known;
    const opened = await client.conversations.open({ users: to.id });
    const id = opened.channel?.id;
    if (!id) throw new UnreachableError('no direct message channel');
    directChannels.set(to.id, id);
    return id;
  }

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const code = slackError(error);
      if (code && unreachable.has(code)) throw new UnreachableError(code);
      throw error;
    }
  };

  return {
    send: (to, view, options) =>
      guard(async (): Promise<MessageRef> => {
        const channel = await channelOf(to);
        const thread = options?.thread ? { thread_ts: options.thread.id } : {};
        const posted = await client.chat.postMessage({
          channel,
          text: fallbackText(view),
          blocks: toBlocks(view),
          unfurl_links: false,
          ...thread,
          ...(options?.key
            ? { metadata: { event_type: deliveryEvent, event_payload: { key: options.key } } }
            : {}),
        });
        const ts = posted.ts ?? '';
        // Pictures go up as files in the message's thread, where they open full size.
        for (const image of view.blocks.filter((b) => b.type === 'image')) {
          await client.filesUploadV2({
            channel_id: posted.channel ?? channel,
            thread_ts: options?.thread?.id ?? ts,
            file: asBuffer(image.png),
            filename: image.fileName,
            title: image.title,
            alt_text: image.alt,
          });
        }
        return { address: to, id: ts, conversation: posted.channel ?? channel };
      }),
    sendFiles: (to, files, comment) =>
      guard(async () => {
        const channel = await channelOf(to);
        await client.filesUploadV2({
          channel_id: channel,
          initial_comment: comment,
          file_uploads: files.map((f) => ({
            file: asBuffer(f.content),
            filename: f.name,
            title: f.title ?? f.name,
          })),
        });
      }),
    update: (ref, view) =>
      guard(async () => {
        await client.chat.update({
          channel: ref.conversation,
          ts: ref.id,
          text: fallbackText(view),
          blocks: toBlocks(view),
        });
      }),
    openForm: (_to, trigger, form) =>
      guard(async () => {
        if (!trigger) throw new UnreachableError('a form needs a click to open');
        await client.views.open({ trigger_id: trigger, view: toModal(form) });
      }),
    personLocale: async (to) =>
      to.kind === 'person' ? (await profileOf?.(to.id))?.locale : undefined,
    personName: async (to) => (to.kind === 'person' ? (await profileOf?.(to.id))?.name : undefined),
    // Needs the users:read.email scope; without it Slack answers missing_scope, which is thrown.
    async findPerson(email) {
      try {
        const found = await client.users.lookupByEmail({ email });
        const user = found.user;
        return user?.id && !user.deleted ? { platform: 'slack', id: user.id } : undefined;
      } catch (error) {
        if (slackError(error) === 'users_not_found') return undefined;
        throw error;
      }
    },
    findSent: (to, key, since, options) =>
      guard(async (): Promise<MessageRef | undefined> => {
        const channel = await channelOf(to);
        // Slack's clock and ours may differ a little; a wider window costs nothing.
        const oldest = String(Math.floor(since.getTime() / 1000) - 300);
        let cursor: string | undefined;
        for (let page = 0; page < lookBackPages; page++) {
          const common = { channel, oldest, include_all_metadata: true, limit: 200, cursor };
          const answer = options?.thread
            ? await client.conversations.replies({ ...common, ts: options.thread.id })
            : await client.conversations.history(common);
          const found = answer.messages?.find(
            (m) =>
              m.metadata?.event_type === deliveryEvent &&
              (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
          );
          if (found?.ts) return { address: to, id: found.ts, conversation: channel };
          cursor = answer.response_metadata?.next_cursor || undefined;
          if (!cursor) return undefined;
        }
        return undefined;
      }),
  };
}
