import type { Address } from '../../chat/address.ts';
import type { ChatFile, ChatPort } from '../../chat/port.ts';
import type { MessageView } from '../../chat/views.ts';
import type { Downloads } from '../../downloads/downloads.ts';
import type { Translator } from '../../i18n/create.ts';

/**
 * The export for a platform that takes no files from a bot: one single-use,
 * short-lived link per file, in a message to the person who asked. Answers
 * false when links cannot be made (Tasa's public address is not set).
 */
export async function sendDownloadLinks(
  port: ChatPort,
  downloads: Downloads | undefined,
  to: Address,
  owner: string,
  files: readonly ChatFile[],
  comment: string,
  t: Translator,
): Promise<boolean> {
  if (!downloads?.enabled) return false;
  const links = await downloads.publish(owner, files);
  const note = t('reports:export.linksNote', {
    minutes: Math.round(downloads.lifetimeMs / 60_000),
  });
  const message: MessageView = {
    text: comment,
    blocks: [
      { type: 'text', text: comment },
      { type: 'links', links: links.map((link) => ({ url: link.url, title: link.name })) },
      { type: 'context', text: note },
    ],
  };
  await port.send(to, message);
  return true;
}
