import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';

// Platforms retry for minutes at most; a day covers any retry and a stale copy of a message.
const deliveryTtlMs = 24 * 60 * 60 * 1000;

/** The deliveries already handled: one scheme for every platform and kind of input. */
export interface DeliveriesRepository {
  /** True the first time a delivery id is seen; undefined ids always count. */
  firstTime(delivery: string | undefined): Promise<boolean>;
}

export function createDeliveriesRepository(store: Store): DeliveriesRepository {
  return {
    async firstTime(delivery) {
      if (!delivery) return true;
      // Hashed: a Teams delivery id holds the conversation's, which names the person in a personal chat.
      const key = createHash('sha256').update(delivery).digest('base64url');
      return (await store.claim(`inbound:${key}`, deliveryTtlMs)) !== null;
    },
  };
}
