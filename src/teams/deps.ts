import type { Core } from '../core.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import type { TeamsClient } from './client.ts';
import type { TeamsPeople } from './people.ts';
import type { ReferenceBook, TeamsMemory } from './references.ts';

/** What the Teams listeners need: the core, and the adapter's own parts. */
export interface TeamsDeps {
  core: Core;
  cycleDeps: CycleDeps;
  store: Store;
  logger: Logger;
  client: TeamsClient;
  book: ReferenceBook;
  memory: TeamsMemory;
  people: TeamsPeople;
  /** Whoever writes or installs the app can be reached again (by their key in the core). */
  reachable(person: string): Promise<void>;
  /**
   * Runs work after Teams has been answered. The Bot Connector gives a bot
   * about 15 s and resends what it thinks was not received, so requests are
   * acknowledged at once; the adapter waits for this work when it stops.
   */
  later(name: string, work: () => Promise<void>): void;
}

/** The interaction id of an activity: Teams resends a slow one with the same id, and it counts once. */
export const interactionId = (activity: { id?: string; conversation?: { id: string } }): string =>
  `teams:${activity.conversation?.id ?? ''}:${activity.id ?? ''}`;
