import { AsyncLocalStorage } from 'node:async_hooks';
import type { DeliveryAttempt, DeliveryScope } from '../chat/send-once-port.ts';

/** The scope the outbox runs each delivery in, so its sends can be keyed without threading ids through every call. */
export interface DeliveryScopeRunner extends DeliveryScope {
  run<T>(attempt: DeliveryAttempt, work: () => Promise<T>): Promise<T>;
}

/** One per core: the outbox runs deliveries in it, the send-once port reads it. */
export function createDeliveryScope(): DeliveryScopeRunner {
  const storage = new AsyncLocalStorage<DeliveryAttempt>();
  return {
    current: () => storage.getStore(),
    run: (attempt, work) => storage.run(attempt, work),
  };
}
