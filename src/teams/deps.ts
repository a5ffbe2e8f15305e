import type { InboundPort } from '../inbound/port.ts';
import type { Logger } from '../shared/logger.ts';
import type { TeamsClient } from './client.ts';
import type { InvokeCaptures } from './invoke-capture.ts';
import type { TeamsPeople } from './people.ts';
import type { ReferenceBook, TeamsMemory } from './references.ts';

/** What the Teams listeners need: the core's way in, and the adapter's own parts. */
export interface TeamsDeps {
  inbound: InboundPort;
  logger: Logger;
  client: TeamsClient;
  book: ReferenceBook;
  /** Where sent form cards are kept, to show them again with what is wrong. */
  memory: TeamsMemory;
  people: TeamsPeople;
  /** What the port takes for an invoke's answer while the core works on it. */
  captures: InvokeCaptures;
  /**
   * Runs work after Teams has been answered. The Bot Connector gives a bot
   * about 15 s and resends what it thinks was not received, so requests are
   * acknowledged at once; the adapter waits for this work when it stops.
   */
  later(name: string, work: () => Promise<void>): void;
}

/** The delivery id of an activity: Teams resends a slow one with the same id, and it counts once. */
export const deliveryId = (activity: { id?: string; conversation?: { id: string } }): string =>
  `teams:${activity.conversation?.id ?? ''}:${activity.id ?? ''}`;
