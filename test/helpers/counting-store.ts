import type { Store } from '../../src/store/store.ts';

export interface StoreCall {
  method: 'get' | 'getMany' | 'set' | 'setMany' | 'delete' | 'claim' | 'release';
  key: string;
}

/** A store that records every call made through it, to measure what an interaction costs. */
export function countingStore(inner: Store) {
  const calls: StoreCall[] = [];
  const note = (method: StoreCall['method'], key: string) => calls.push({ method, key });
  const store: Store = {
    backend: inner.backend,
    namespace: inner.namespace,
    get: (key) => (note('get', key), inner.get(key)),
    getMany: (keys) => (note('getMany', keys.join(',')), inner.getMany(keys)),
    set: (key, value, ttl) => (note('set', key), inner.set(key, value, ttl)),
    setMany: (entries) => (
      note('setMany', entries.map((e) => e.key).join(',')),
      inner.setMany(entries)
    ),
    delete: (key) => (note('delete', key), inner.delete(key)),
    claim: (key, ttl) => (note('claim', key), inner.claim(key, ttl)),
    release: (claim) => (note('release', claim.key), inner.release(claim)),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return {
    store,
    calls,
    /** Calls from now on only. */
    reset: () => void calls.splice(0),
    /** Lock claims on keys that start with `lock:` and the prefix given. */
    locks: (prefix: string) =>
      calls.filter((c) => c.method === 'claim' && c.key.includes(`lock:${prefix}`)).length,
  };
}
