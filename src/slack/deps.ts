import type { Core } from '../core.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';

/** What the Slack listeners need from the core. */
export interface SlackDeps {
  core: Core;
  cycleDeps: CycleDeps;
  store: Store;
  logger: Logger;
  /** A person's Slack locale, for their language. */
  localeOf(user: string): Promise<string | undefined>;
}

/** Slack retries an event it thinks was not received; each event id is handled once. */
export async function firstDelivery(store: Store, eventId: string | undefined): Promise<boolean> {
  if (!eventId) return true;
  return (await store.claim(`slack-event:${eventId}`, 24 * 60 * 60 * 1000)) !== null;
}
