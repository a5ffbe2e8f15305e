import KeyvRedis, { createClient, type RedisConnectionClientType } from '@keyv/redis';

export interface RedisTimeouts {
  /** Opening the TCP (and TLS) connection. */
  connectMs: number;
  /** How long operations on a fresh connection wait for it to become ready. */
  firstReadyMs: number;
  /** The longest pause between reconnection attempts. */
  maxBackoffMs: number;
}

export const defaultRedisTimeouts: RedisTimeouts = {
  connectMs: 2_000,
  firstReadyMs: 3_000,
  maxBackoffMs: 2_000,
};

type RedisClient = RedisConnectionClientType;

export interface RedisConnection {
  /** The keyv adapter; it always talks through the current client. */
  readonly adapter: KeyvRedis<unknown>;
  /** The current client, for commands keyv does not have (claims). */
  readonly client: () => RedisClient;
  /** Resolves when a fresh client is ready, or its wait is over; rejects once closed. */
  ready(): Promise<void>;
  /** An operation got no answer in time: if the client believes it is connected, the socket may be half-open. */
  stalled(): void;
  close(): Promise<void>;
}

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * A Redis connection that refuses operations at once while the server is
 * unreachable, instead of holding them in node-redis's offline queue until
 * it is back (a person would wait with no answer, and a write could land
 * long after its caller gave up). The offline queue is off, so a fresh
 * connection's first commands wait for it to become ready, for a bounded time.
 */
export function redisConnection(
  url: string,
  timeouts: RedisTimeouts = defaultRedisTimeouts,
): RedisConnection {
  let closed = false;
  /** Why the last connection attempt failed: the cause given to refused operations. */
  let lastError: unknown;

  const open = () => {
    // The widest client type, as keyv's adapter takes it (node-redis's generics do not widen on their own).
    const client = createClient({
      url,
      disableOfflineQueue: true,
      // Keeps a healthy connection busy, so servers and load balancers do not close it
      // as idle and the socket timeout below only fires on one that has gone quiet.
      pingInterval: 5_000,
      socket: {
        connectTimeout: timeouts.connectMs,
        // Reconnects when nothing moves for this long, e.g. a server that accepted the
        // connection but never answers its handshake. (A ready connection that stops
        // answering is replaced by stalled(), as its pings still count as traffic.)
        socketTimeout: 15_000,
        // Doubling from 100 ms up to the cap, with jitter so replicas do not reconnect in step.
        reconnectStrategy: (retries: number) =>
          Math.min(100 * 2 ** retries, timeouts.maxBackoffMs) + Math.random() * 100,
      },
    }) as RedisClient;
    // The client reconnects on its own, and callers learn of the outage from their
    // refused operations; without a listener a dropped connection would crash the process.
    client.on('error', (error: unknown) => (lastError = error));
    const ready = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeouts.firstReadyMs);
      timer.unref();
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // Retries until it connects (or the client is closed), so it never rejects for an outage.
    client.connect().catch(() => undefined);
    return { client, ready };
  };

  let current = open();
  // keyv's adapter is given the client: it must not open one of its own, with an offline queue.
  const adapter = new KeyvRedis<unknown>(current.client, {
    // Raise errors instead of answering "not found": a lost read must never look like an empty record.
    throwOnErrors: true,
  });

  const shut = async (client: RedisClient): Promise<void> => {
    if (!client.isOpen) return;
    // A ready client finishes the commands it has sent; a reconnecting one has none to finish.
    if (client.isReady) await Promise.race([client.close(), pause(timeouts.connectMs)]);
    if (client.isOpen) client.destroy();
  };

  return {
    adapter,
    client: () => current.client,
    async ready() {
      if (closed) throw new Error('the Redis store is closed');
      await current.ready;
      // Refused here rather than by node-redis, so that the cause says why it is offline.
      if (!current.client.isReady) {
        const reason = lastError instanceof Error ? lastError.message : 'still connecting';
        throw new Error(`Redis is not connected: ${reason}`, { cause: lastError });
      }
    },
    stalled() {
      if (closed || !current.client.isReady) return;
      const stale = current.client;
      current = open();
      adapter.client = current.client;
      // Its unanswered commands fail now rather than whenever TCP notices the peer is gone.
      stale.destroy();
    },
    async close() {
      closed = true;
      await shut(current.client);
    },
  };
}
