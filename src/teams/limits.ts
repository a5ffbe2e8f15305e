/**
 * Teams' documented limits for a bot, kept before each Bot Connector call so
 * that a fan-out is not answered 429 (each costs the Retry-After Teams asks
 * for, a second or more):
 *
 * - per conversation: 7 messages in 1 s, 8 in 2 s, 60 in 30 s;
 * - per app and tenant: 50 requests a second across every call, the creation
 *   of a personal chat included.
 *
 * Each limit is a sliding window, as Teams counts it. A call reserves the
 * earliest time every window it falls under allows, in the order calls come
 * (so a conversation at its limit holds back the calls behind it: only a
 * channel sent more than seven messages a second ever is). The windows are
 * kept a little longer than Teams' own (`marginMs`), so that a call that
 * travels a few milliseconds slower than the one before it still lands
 * inside the limit. One process keeps its own count: replicas sending at
 * once share the tenant's 50 a second, and Retry-After covers the rest.
 */
export interface Window {
  ms: number;
  calls: number;
}

export const teamsLimits = {
  perConversation: [
    { ms: 1_000, calls: 7 },
    { ms: 2_000, calls: 8 },
    { ms: 30_000, calls: 60 },
  ],
  perTenant: [{ ms: 1_000, calls: 50 }],
} as const satisfies Record<string, readonly Window[]>;

export interface LimiterOptions {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Added to every window; 2 % of a second by default. */
  marginMs?: number;
  limits?: { perConversation: readonly Window[]; perTenant: readonly Window[] };
}

export interface TeamsLimiter {
  /**
   * Waits for a turn: every call counts for its tenant, a message (new or
   * updated) also for its conversation.
   */
  take(tenant: string, conversation?: string): Promise<void>;
}

/** Conversations not written to for this long are forgotten, so the map does not grow forever. */
const forgetAfterMs = 60_000;

export function teamsLimiter(options: LimiterOptions): TeamsLimiter {
  const limits = options.limits ?? teamsLimits;
  const margin = options.marginMs ?? 20;
  /** Reserved call times, oldest first, per key. */
  const history = new Map<string, number[]>();
  let lastSweep = 0;

  /** The earliest time ≥ `at` that every window of this key allows one more call. */
  function earliest(key: string, windows: readonly Window[], at: number): number {
    const times = history.get(key) ?? [];
    let next = at;
    for (const window of windows) {
      // The call `calls` back must have left the window before another goes.
      const bound = times.at(-window.calls);
      if (times.length >= window.calls && bound !== undefined)
        next = Math.max(next, bound + window.ms + margin);
    }
    return next;
  }

  function record(key: string, at: number, keep: number): void {
    const times = history.get(key) ?? [];
    times.push(at);
    // Only the last `keep` calls can ever decide a window.
    if (times.length > keep) times.splice(0, times.length - keep);
    history.set(key, times);
  }

  function sweep(now: number): void {
    if (now - lastSweep < forgetAfterMs) return;
    lastSweep = now;
    for (const [key, times] of history)
      if ((times.at(-1) ?? 0) < now - forgetAfterMs) history.delete(key);
  }

  const keep = (windows: readonly Window[]): number => Math.max(...windows.map((w) => w.calls));

  return {
    async take(tenant, conversation) {
      const now = options.now();
      sweep(now);
      const tenantKey = `tenant:${tenant}`;
      // In order: never before the last call reserved for the tenant.
      let at = Math.max(
        earliest(tenantKey, limits.perTenant, now),
        history.get(tenantKey)?.at(-1) ?? now,
      );
      if (conversation !== undefined) {
        const conversationKey = `conversation:${conversation}`;
        at = earliest(conversationKey, limits.perConversation, at);
        // The conversation's turn may be later than the tenant's: check the tenant again there.
        at = earliest(tenantKey, limits.perTenant, at);
        record(conversationKey, at, keep(limits.perConversation));
      }
      // Reserved before waiting, so the next caller queues up behind this one.
      record(tenantKey, at, keep(limits.perTenant));
      if (at > now) await options.sleep(at - now);
    },
  };
}
