/**
 * The store port: a small key-value repository over keyv, namespaced by
 * organisation, plus an atomic claim that lets exactly one caller (across
 * processes and replicas) do a piece of work.
 */
export interface Store {
  readonly backend: StoreBackend;
  readonly namespace: string;
  get<T>(key: string): Promise<T | undefined>;
  /** Several values in one round trip, in the order of the keys. */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /**
   * Several values at once, all or none (one statement on SQLite and
   * PostgreSQL, MULTI on Redis): values read together are never seen half
   * written.
   */
  setMany(entries: readonly { key: string; value: unknown }[]): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * First caller wins: resolves to a claim when this caller holds `key` for
   * `ttlMs`, or null when someone else holds it. An expired claim can be won
   * again, so a crashed holder never blocks the work forever.
   */
  claim(key: string, ttlMs: number): Promise<Claim | null>;
  /** Gives a claim back early; a no-op when it has expired and been re-won. */
  release(claim: Claim): Promise<void>;
  /** Resolves when the backend answers; used by the readiness check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreBackend = 'sqlite' | 'redis' | 'postgres' | 'memory';

export interface Claim {
  readonly key: string;
  readonly token: string;
  readonly expiresAt: Date;
}

/** How each backend claims natively. Keys arrive already namespaced. */
export interface ClaimBackend {
  claim(key: string, token: string, ttlMs: number, nowMs: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
