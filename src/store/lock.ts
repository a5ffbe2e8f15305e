import { ErrorCode, TasaError } from '../shared/errors.ts';
import type { Store } from './store.ts';

export interface LockOptions {
  /** How long the lock is held at most if its holder dies. */
  ttlMs?: number;
  /** How long to wait for it before giving up. */
  waitMs?: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The claim that locks a record's key. */
export const lockKey = (key: string): string => `lock:${key}`;

/** The record a lock's claim is for, or undefined for a claim that is not a lock. */
export const lockedKey = (claim: string): string | undefined =>
  claim.startsWith('lock:') ? claim.slice('lock:'.length) : undefined;

/**
 * Runs `work` while holding `lock:<key>`, so read-modify-write on one record
 * is safe across replicas. Built on the store's atomic claim.
 */
export async function withLock<T>(
  store: Store,
  key: string,
  work: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const ttlMs = options.ttlMs ?? 15_000;
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  let delay = 5;
  for (;;) {
    const claim = await store.claim(lockKey(key), ttlMs);
    if (claim) {
      try {
        return await work();
      } finally {
        await store.release(claim);
      }
    }
    if (Date.now() > deadline) {
      throw new TasaError(ErrorCode.StoreUnavailable, `lock ${key} is busy`, { key });
    }
    await pause(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
}
