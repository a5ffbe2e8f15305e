import type { KnownBlock } from '@slack/types';
import type { Block, MessageView } from '../../chat/views.ts';
import { encodeAction } from '../../chat/actions.ts';
import { tableLines } from '../../chat/table.ts';
import { actionIdPrefix } from './actions.ts';
import { escapeMrkdwn, safeLink, truncate } from './escape.ts';

const mrkdwn = (text: string) => ({
  type: 'mrkdwn' as const,
  text: truncate(text, 3000),
  verbatim: true,
});

function render(block: Block, index: number): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(block.text, 150), emoji: false },
        },
      ];
    case 'text':
      return [{ type: 'section', text: mrkdwn(escapeMrkdwn(block.text)) }];
    case 'quote': {
      const quoted = escapeMrkdwn(block.text)
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n');
      const author = block.author ? `\n— ${escapeMrkdwn(block.author)}` : '';
      return [{ type: 'section', text: mrkdwn(`${quoted}${author}`) }];
    }
    case 'fields':
      // Slack allows ten fields per section.
      return Array.from({ length: Math.ceil(block.fields.length / 10) }, (_, i) => ({
        type: 'section' as const,
        fields: block.fields
          .slice(i * 10, i * 10 + 10)
          .map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)),
      }));
    case 'links':
      return [
        {
          type: 'section',
          text: mrkdwn(block.links.map((l) => `• ${safeLink(l.url, l.title)}`).join('\n')),
        },
      ];
    case 'actions':
      return [
        {
          type: 'actions',
          block_id: `actions.${index}`,
          elements: block.buttons.map((button, i) => ({
            type: 'button' as const,
            action_id: `${actionIdPrefix}${index}.${i}`,
            text: { type: 'plain_text' as const, text: truncate(button.label, 75), emoji: false },
            value: encodeAction(button.action),
            ...(button.style ? { style: button.style } : {}),
          })),
        },
      ];
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(block.text))] }];
    case 'image':
      // Slack shows pictures as uploaded files; the port uploads them next to the message.
      return [];
    case 'table':
      return textSections(tableLines(block).map(escapeMrkdwn));
  }
}

/** Slack's limit on the text of one section. */
const maxSectionText = 3000;

/**
 * Lines as few sections as hold them: each section takes up to 3000
 * characters, so a long table needs no more of a message's 50 blocks than it
 * must, and no line is cut in the middle.
 */
export function textSections(lines: readonly string[]): KnownBlock[] {
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    const piece = truncate(line, maxSectionText);
    if (current && current.length + 1 + piece.length > maxSectionText) {
      sections.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) sections.push(current);
  return sections.map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

/** A neutral message as Block Kit. */
export function toBlocks(view: MessageView): KnownBlock[] {
  return view.blocks.flatMap(render).slice(0, 50);
}

/** Notification text: plain, escaped, short. */
export const fallbackText = (view: MessageView): string => truncate(escapeMrkdwn(view.text), 3000);
