import { AsyncLocalStorage } from 'node:async_hooks';
import { lockedKey } from './lock.ts';
import type { Store } from './store.ts';

/**
 * Reads an interaction will need, fetched together in one call at its start.
 * Inside `within`, a read of a key fetched ahead is answered from memory, and
 * a write of such a key keeps the memory in step; every other key is read
 * from the store as usual. Only what was asked for ahead is remembered, and
 * only for one interaction. A read-modify-write under a lock always reads the
 * store: taking the lock of a key fetched ahead makes its next read go to the
 * store (another replica may have changed it since), and keeps what it finds.
 */
export interface ReadAhead {
  /** The store, answering keys fetched ahead from memory. */
  readonly store: Store;
  within<T>(work: () => Promise<T>): Promise<T>;
  /** Fetches keys in one call for the rest of the current interaction. */
  fetch(keys: readonly string[]): Promise<void>;
}

/** Marks a key fetched ahead whose lock was taken since: read it again. */
const stale = Symbol('stale');

export function readAhead(inner: Store): ReadAhead {
  const scope = new AsyncLocalStorage<Map<string, unknown>>();
  const remembered = (): Map<string, unknown> | undefined => scope.getStore();
  const keep = (key: string, value: unknown): void => {
    const memory = remembered();
    if (memory?.has(key)) memory.set(key, value);
  };
  const known = (memory: Map<string, unknown> | undefined, key: string): boolean =>
    memory?.has(key) === true && memory.get(key) !== stale;

  const store: Store = {
    get backend() {
      return inner.backend;
    },
    get namespace() {
      return inner.namespace;
    },
    async get<T>(key: string) {
      const memory = remembered();
      if (known(memory, key)) return memory?.get(key) as T | undefined;
      const value = await inner.get<T>(key);
      keep(key, value);
      return value;
    },
    async getMany<T>(keys: readonly string[]) {
      const memory = remembered();
      const missing = keys.filter((key) => !known(memory, key));
      const found = missing.length > 0 ? await inner.getMany<T>(missing) : [];
      const read = new Map(missing.map((key, i) => [key, found[i]]));
      for (const [key, value] of read) keep(key, value);
      return keys.map((key) => (read.has(key) ? read.get(key) : memory?.get(key)) as T | undefined);
    },
    async set(key, value, ttlMs) {
      await inner.set(key, value, ttlMs);
      keep(key, value);
    },
    async setMany(entries) {
      await inner.setMany(entries);
      for (const { key, value } of entries) keep(key, value);
    },
    async delete(key) {
      const deleted = await inner.delete(key);
      keep(key, undefined);
      return deleted;
    },
    claim(key, ttlMs) {
      const locked = lockedKey(key);
      if (locked !== undefined && remembered()?.has(locked)) remembered()?.set(locked, stale);
      return inner.claim(key, ttlMs);
    },
    release: (claim) => inner.release(claim),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };

  return {
    store,
    within: (work) => scope.run(new Map(), work),
    async fetch(keys) {
      const memory = remembered();
      if (!memory) return;
      const wanted = [...new Set(keys)].filter((key) => !known(memory, key));
      if (wanted.length === 0) return;
      const values = await inner.getMany(wanted);
      wanted.forEach((key, i) => memory.set(key, values[i]));
    },
  };
}
