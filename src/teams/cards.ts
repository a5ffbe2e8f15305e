import type { Address } from '../chat/address.ts';
import type { MessageRef } from '../chat/port.ts';
import type { AdaptiveCard } from './render/text.ts';
import type { SentCard, TeamsMemory } from './references.ts';

/**
 * How long the current version of a card is kept for Teams' refresh: past a
 * cycle's length, a card still refreshing is one nobody has opened for long,
 * and it keeps what it last showed.
 */
const cardTtlMs = 90 * 24 * 60 * 60 * 1000;

// Cards live beside forms in the adapter's memory, under their own ids.
const cardKey = (conversation: string, id: string) => ({ conversation, id: `card:${id}` });

/** The version of a card the person sees now, for a refresh or a retried click. */
export async function rememberCard(
  memory: TeamsMemory,
  ref: Pick<MessageRef, 'conversation' | 'id'>,
  to: Address,
  card: AdaptiveCard,
): Promise<void> {
  const kept: SentCard = { card, to };
  await memory.rememberForm(cardKey(ref.conversation, ref.id), to.id, kept, cardTtlMs);
}

export async function currentCard(
  memory: TeamsMemory,
  conversation: string,
  id: string,
): Promise<SentCard | undefined> {
  const kept = await memory.sentForm(cardKey(conversation, id));
  return kept && 'card' in kept ? kept : undefined;
}
