import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from './store.ts';

/**
 * Reads an interaction will need, fetched together in one call at its start.
 * Inside `within`, a read of a key fetched ahead is answered from memory, and
 * a write of such a key keeps the memory in step; every other key is read
 * from the store as usual. Only what was asked for ahead is remembered, and
 * only for one interaction, so a read-modify-write under a lock (which never
 * asks ahead for its record) always reads the store.
 */
export interface ReadAhead {
  /** The store, answering keys fetched ahead from memory. */
  readonly store: Store;
  within<T>(work: () => Promise<T>): Promise<T>;
  /** Fetches keys in one call for the rest of the current interaction. */
  fetch(keys: readonly string[]): Promise<void>;
}

export function readAhead(inner: Store): ReadAhead {
  const scope = new AsyncLocalStorage<Map<string, unknown>>();
  const remembered = (): Map<string, unknown> | undefined => scope.getStore();
  const keep = (key: string, value: unknown): void => {
    const memory = remembered();
    if (memory?.has(key)) memory.set(key, value);
  };

  const store: Store = {
    get backend() {
      return inner.backend;
    },
    get namespace() {
      return inner.namespace;
    },
    async get<T>(key: string) {
      const memory = remembered();
      if (memory?.has(key)) return memory.get(key) as T | undefined;
      return inner.get<T>(key);
    },
    async getMany<T>(keys: readonly string[]) {
      const memory = remembered();
      const missing = keys.filter((key) => !memory?.has(key));
      const found = missing.length > 0 ? await inner.getMany<T>(missing) : [];
      const read = new Map(missing.map((key, i) => [key, found[i]]));
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
    claim: (key, ttlMs) => inner.claim(key, ttlMs),
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
      const wanted = [...new Set(keys)].filter((key) => !memory.has(key));
      if (wanted.length === 0) return;
      const values = await inner.getMany(wanted);
      wanted.forEach((key, i) => memory.set(key, values[i]));
    },
  };
}
