import type { ClaimBackend } from '../store.ts';

/** In-process claims, for tests and the memory store. */
export function memoryClaims(): ClaimBackend {
  const held = new Map<string, { token: string; expiresAt: number }>();
  return {
    async claim(key, token, ttlMs, nowMs) {
      const current = held.get(key);
      if (current && current.expiresAt > nowMs) return false;
      held.set(key, { token, expiresAt: nowMs + ttlMs });
      return true;
    },
    async release(key, token) {
      if (held.get(key)?.token === token) held.delete(key);
    },
    async ping() {},
    async close() {},
  };
}
