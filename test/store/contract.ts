import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./claim-child.ts', import.meta.url));

export interface ContractOptions {
  url: string;
  dataDir?: string;
  /** Whether separate processes share this backend (not true of memory:). */
  shared: boolean;
}

/** The behaviour every store backend must have. */
export function storeContract(options: ContractOptions): void {
  const opened: Store[] = [];
  // A backend that is not shared between instances is tested through one instance per namespace.
  const single = new Map<string, Store>();
  const open = (
    namespace = `t-${randomUUID()}`,
    clock: Clock = fixedClock(new Date('2027-01-04T09:00:00Z')),
  ) => {
    const existing = options.shared ? undefined : single.get(namespace);
    if (existing) return existing;
    const store = openStore({
      url: options.url,
      dataDir: options.dataDir ?? '.',
      namespace,
      clock,
    });
    opened.push(store);
    single.set(namespace, store);
    return store;
  };
  afterEach(async () => {
    single.clear();
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('keeps, overwrites and deletes values', async () => {
    const store = open();
    expect(await store.get('cycle')).toBeUndefined();
    await store.set('cycle', { name: '2027-Q1', due: '2027-03-31' });
    expect(await store.get('cycle')).toEqual({ name: '2027-Q1', due: '2027-03-31' });
    await store.set('cycle', { name: '2027-Q2' });
    expect(await store.get('cycle')).toEqual({ name: '2027-Q2' });
    expect(await store.delete('cycle')).toBe(true);
    expect(await store.get('cycle')).toBeUndefined();
  });

  it('reads many values at once, in order, with gaps for missing keys', async () => {
    const store = open();
    const keys = Array.from({ length: 1200 }, (_, i) => `record:${i}`);
    for (const [i, key] of keys.entries()) if (i % 3 !== 1) await store.set(key, { n: i });
    const values = await store.getMany<{ n: number }>(keys);
    expect(values).toHaveLength(1200);
    expect(values.slice(0, 4)).toEqual([{ n: 0 }, undefined, { n: 2 }, { n: 3 }]);
    expect(values[1199]).toEqual({ n: 1199 });
    expect(await store.getMany([])).toEqual([]);
  });

  it('writes several values in one call', async () => {
    const store = open();
    await store.set('record:a', { n: 0 });
    await store.setMany([
      { key: 'record:a', value: { n: 1, text: 'it’s “quoted” \\ and ünïcode' } },
      { key: 'summary:a', value: { answered: 1 } },
    ]);
    expect(await store.getMany(['record:a', 'summary:a'])).toEqual([
      { n: 1, text: 'it’s “quoted” \\ and ünïcode' },
      { answered: 1 },
    ]);
    await store.setMany([]);
    expect(await store.get('record:a')).toMatchObject({ n: 1 });
  });

  it('keeps organisations apart', async () => {
    const helsinki = open(`helsinki-${randomUUID()}`);
    const espoo = open(`espoo-${randomUUID()}`);
    await helsinki.set('cycle', 'helsinki');
    await espoo.set('cycle', 'espoo');
    expect(await helsinki.get('cycle')).toBe('helsinki');
    expect(await espoo.get('cycle')).toBe('espoo');
    expect(await helsinki.claim('job', 60_000)).not.toBeNull();
    expect(await espoo.claim('job', 60_000)).not.toBeNull();
  });

  it('lets exactly one of many concurrent callers win a claim', async () => {
    const namespace = `race-${randomUUID()}`;
    const stores = Array.from({ length: 5 }, () => open(namespace));
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        stores[i % stores.length]!.claim('rollup:2027-W01', 60_000),
      ),
    );
    expect(attempts.filter((claim) => claim !== null)).toHaveLength(1);
  });

  it('gives an expired claim to the next caller, and a released one at once', async () => {
    const clock = fixedClock(new Date('2027-01-04T09:00:00Z'));
    const namespace = `expiry-${randomUUID()}`;
    const first = open(namespace, clock);
    const second = open(namespace, clock);
    const claim = await first.claim('digest', 1_000);
    expect(claim).not.toBeNull();
    expect(await second.claim('digest', 1_000)).toBeNull();
    if (options.url.startsWith('redis')) {
      // Redis expires keys on its own clock.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    } else {
      clock.advance(1_001);
    }
    const again = await second.claim('digest', 60_000);
    expect(again).not.toBeNull();
    // A stale holder releasing must not free someone else's claim.
    await first.release(claim!);
    expect(await first.claim('digest', 60_000)).toBeNull();
    await second.release(again!);
    expect(await first.claim('digest', 60_000)).not.toBeNull();
  });

  if (options.shared) {
    it('lets exactly one of several processes win a claim', async () => {
      const key = `fan-out-${randomUUID()}`;
      const startAt = String(Date.now() + 1_500);
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          run(process.execPath, [child, options.url, key, startAt], { cwd: process.cwd() }),
        ),
      );
      const outcomes = results.map((result) => result.stdout.trim()).sort();
      expect(outcomes).toEqual(['lost', 'lost', 'lost', 'won']);
    });
  }
}
