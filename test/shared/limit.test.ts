import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../src/shared/limit.ts';

describe('a concurrency limit', () => {
  it('runs at most that many at once, the rest in the order they came, and passes failures on', async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) =>
      limit(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(n);
        running--;
        if (n === 3) throw new Error('three failed');
        return n;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(work));
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      1,
      2,
      'failed',
      4,
      5,
      6,
    ]);
    // A failure frees its place: the limit still runs work afterwards.
    expect(await limit(async () => 'after')).toBe('after');
  });
});
