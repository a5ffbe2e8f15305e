import { describe, expect, it } from 'vitest';
import { teamsLimiter, teamsLimits, type Window } from '../../src/teams/limits.ts';

/** A limiter on a virtual clock: sleeping moves time on, nothing waits for real. */
function virtual() {
  let now = 0;
  const limiter = teamsLimiter({
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    marginMs: 0,
  });
  const times: number[] = [];
  return {
    async take(tenant: string, conversation?: string) {
      await limiter.take(tenant, conversation);
      times.push(now);
    },
    times,
  };
}

/** The most calls any window of `ms` holds. */
function busiest(times: readonly number[], ms: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    const start = times[i]!;
    most = Math.max(most, times.filter((t) => t >= start && t < start + ms).length);
  }
  return most;
}

const within = (times: readonly number[], windows: readonly Window[]) =>
  windows.every((w) => busiest(times, w.ms) <= w.calls);

describe('Teams’ limits, kept before each call', () => {
  it('sends at most 7 a second, 8 in 2 s and 60 in 30 s to one conversation', async () => {
    const clock = virtual();
    for (let i = 0; i < 70; i++) await clock.take('t', 'a:personal-1');
    expect(within(clock.times, teamsLimits.perConversation)).toBe(true);
    // No slower than the limits need: 7 in the first second (16 ms apart, as 50 a second
    // spreads them), the 8th a second after the 1st, the 9th two; then the 60-in-30-s window.
    expect(clock.times.slice(0, 9)).toEqual([0, 16, 32, 48, 64, 80, 96, 1000, 2000]);
    expect(clock.times[60]).toBe(30_000);
  });

  it('makes at most 50 calls a second per tenant, creations of personal chats included', async () => {
    const clock = virtual();
    for (let i = 0; i < 200; i++)
      await (i % 2 === 0 ? clock.take('t') : clock.take('t', `a:personal-${i}`));
    expect(within(clock.times, teamsLimits.perTenant)).toBe(true);
    // 200 calls at 50 a second: the last goes a little over 3 s after the first.
    expect(clock.times.at(-1)).toBeLessThan(3_800);
    expect(busiest(clock.times, 1000)).toBe(50);
  });

  it('counts each tenant on its own', async () => {
    const clock = virtual();
    for (let i = 0; i < 50; i++) await clock.take('one');
    expect(clock.times.at(-1)).toBe(784);
    // Another tenant does not wait for the first one's calls.
    await clock.take('two');
    expect(clock.times.at(-1)).toBe(784);
    await clock.take('one');
    expect(clock.times.at(-1)).toBe(1000);
  });
});
