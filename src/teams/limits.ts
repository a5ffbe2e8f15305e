/**
 * Teams' documented limits for a bot, kept before each Bot Connector call so
 * that a fan-out is not answered 429 (each costs the Retry-After Teams asks
 * for, a second or more):
 *
 * - per conversation: 7 messages in 1 s, 8 in 2 s, 60 in 30 s;
 * - per app and tenant: 50 requests a second across every call, the creation
 *   of a personal chat included.
 *
 * Each limit is a sliding window, as Teams counts it: a call waits until
 * every window it falls under has room, and is counted when it goes. Calls
 * are also spread out (at least 16 ms apart for 50 a second), since a burst
 * at a window's start reaches Teams bunched up and uneven; and the windows are
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
  /** Added to every window; 10 ms by default. */
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
  const margin = options.marginMs ?? 10;
  // A little closer than even (16 ms for 50 a second), so that the window, not the spacing,
  // sets the pace; even spacing alone would take 5 % longer than the window allows.
  const spacing = Math.min(...limits.perTenant.map((w) => (0.8 * w.ms) / w.calls));
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

  const keep = (windows: readonly Window[]): number => Math.max(1, ...windows.map((w) => w.calls));

  return {
    async take(tenant, conversation) {
      const tenantKey = `tenant:${tenant}`;
      const conversationKey =
        conversation === undefined ? undefined : `conversation:${conversation}`;
      // Counted when the call really goes, not when it was planned: a call woken late (a busy
      // event loop) must not count as early, or the calls after it would crowd the window.
      for (;;) {
        const now = options.now();
        sweep(now);
        // Spread evenly too: a burst of calls at a window's start reaches Teams bunched up.
        const last = history.get(tenantKey)?.at(-1);
        let at = Math.max(
          earliest(tenantKey, limits.perTenant, now),
          last === undefined ? now : last + spacing,
        );
        if (conversationKey) at = earliest(conversationKey, limits.perConversation, at);
        if (at <= now) {
          record(tenantKey, now, keep(limits.perTenant));
          if (conversationKey) record(conversationKey, now, keep(limits.perConversation));
          return;
        }
        await options.sleep(at - now);
      }
    },
  };
}
