import type { Block, MessageView } from '../../chat/views.ts';
import { cardButton, hasUniversalActions, refreshFor } from './buttons.ts';
import { tableElements } from './table.ts';
import { linkLine, plainText, truncate, type AdaptiveCard, type CardElement } from './text.ts';

export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

/** Teams shows at most six buttons in a row of actions. */
const maxButtons = 6;

/**
 * Teams takes a picture in a card as a data URI, but a whole message may be
 * about 28 KB; a bigger picture is described in words instead.
 */
const maxImageBytes = 16_000;

/** A card shell: schema 1.5, full width in Teams, the text as fallback. */
export function card(body: CardElement[], fallback: string, actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: truncate(fallback, 1000),
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

function render(block: Block): CardElement[] {
  switch (block.type) {
    case 'header':
      return plainText(block.text, { size: 'large', weight: 'bolder' });
    case 'text':
      return plainText(block.text);
    case 'quote':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          items: [
            ...plainText(block.text, { italic: true }),
            ...(block.author ? plainText(`— ${block.author}`, { isSubtle: true }) : []),
          ],
        },
      ];
    case 'fields':
      return block.fields.flatMap((field) => [
        ...plainText(field.label, { weight: 'bolder' }),
        ...plainText(field.value).map((b, i) => (i === 0 ? { ...b, spacing: 'none' } : b)),
      ]);
    case 'links':
      return block.links.map((link) => linkLine(link.url, link.title));
    case 'actions':
      return block.buttons.length === 0
        ? []
        : [{ type: 'ActionSet', actions: block.buttons.slice(0, maxButtons).map(cardButton) }];
    case 'context':
      return plainText(block.text, { size: 'small', isSubtle: true });
    case 'table':
      return tableElements(block);
    case 'image':
      // A small picture fits in the card; a larger one (a card may hold about 28 KB) goes
      // with the message as an inline image attachment, and the card says what it shows.
      return [
        ...plainText(block.title, { weight: 'bolder' }),
        ...(block.png.byteLength <= maxImageBytes
          ? [
              {
                type: 'Image',
                url: `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`,
                altText: truncate(block.alt, 500),
              },
            ]
          : plainText(block.alt, { isSubtle: true })),
      ];
  }
}

/**
 * A neutral message as an Adaptive Card. For a card in a person's own chat
 * (`userId`, their Teams id) with Universal Actions, Teams fetches the card
 * afresh when they open it.
 */
export function messageCard(view: MessageView, userId?: string): AdaptiveCard {
  const shown = card(view.blocks.flatMap(render), view.text);
  const actions = view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  return userId && hasUniversalActions(actions.map(cardButton))
    ? { ...shown, refresh: refreshFor([userId]) }
    : shown;
}

/** A card as a message activity; the summary is what notifications show. */
export const cardActivity = (content: AdaptiveCard, summary: string): Record<string, unknown> => ({
  type: 'message',
  summary: truncate(summary, 200),
  attachments: [{ contentType: adaptiveCardType, content }],
});

/** A neutral message as a Teams message activity. */
export function messageActivity(view: MessageView, userId?: string): Record<string, unknown> {
  const activity = cardActivity(messageCard(view, userId), view.text);
  const large = view.blocks.filter((b) => b.type === 'image' && b.png.byteLength > maxImageBytes);
  if (large.length === 0) return activity;
  const images = large.map((b) =>
    b.type === 'image'
      ? {
          contentType: 'image/png',
          contentUrl: `data:image/png;base64,${Buffer.from(b.png).toString('base64')}`,
          name: b.fileName,
        }
      : undefined,
  );
  return { ...activity, attachments: [...(activity.attachments as unknown[]), ...images] };
}
