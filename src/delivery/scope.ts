import { AsyncLocalStorage } from 'node:async_hooks';

/** One attempt at delivering a recorded message (an outbox item), as the sends inside it see it. */
export interface DeliveryAttempt {
  /** The outbox item's id: stable across attempts and replicas. */
  readonly id: string;
  /** When an earlier attempt began, if there was one: it may have reached the platform. */
  readonly earlierAttemptAt?: Date;
  /** Sends made so far in this attempt. */
  sends: number;
}

/** Tells a send which delivery attempt, if any, it is part of. */
export interface DeliveryScope {
  current(): DeliveryAttempt | undefined;
}

/** The scope the outbox runs each delivery in, so its sends can be keyed without threading ids through every call. */
export interface DeliveryScopeRunner extends DeliveryScope {
  run<T>(attempt: DeliveryAttempt, work: () => Promise<T>): Promise<T>;
}

/** One per core: the outbox runs deliveries in it, the send-once decorator reads it. */
export function createDeliveryScope(): DeliveryScopeRunner {
  const storage = new AsyncLocalStorage<DeliveryAttempt>();
  return {
    current: () => storage.getStore(),
    run: (attempt, work) => storage.run(attempt, work),
  };
}
