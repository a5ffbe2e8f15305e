import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.ts';
import { ErrorCode, isTasaError } from '../../src/shared/errors.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { startProxy } from '../replicas/proxy.ts';

const services = [
  { name: 'Redis', url: process.env.TASA_TEST_REDIS_URL },
  { name: 'PostgreSQL', url: process.env.TASA_TEST_POSTGRES_URL },
];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How an operation ended, and how long it took. */
async function outcome(run: () => Promise<unknown>): Promise<{ result: string; ms: number }> {
  const started = Date.now();
  const result = await run().then(
    () => 'done',
    (error: unknown) => (isTasaError(error) ? error.code : `threw ${String(error)}`),
  );
  return { result, ms: Date.now() - started };
}

/** Pings until the store answers again; how long that took. */
async function backWithin(store: Store, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await outcome(() => store.ping())).result === 'done') return Date.now() - started;
    await pause(100);
  }
  return Infinity;
}

for (const service of services) {
  describe.skipIf(!service.url)(
    `the ${service.name} store, when its server cannot be reached`,
    () => {
      const cleanup: (() => Promise<void>)[] = [];
      afterEach(async () => {
        for (const step of cleanup.splice(0).reverse()) await step();
      });

      const open = async () => {
        const proxy = await startProxy(service.url!);
        cleanup.push(() => proxy.close());
        const store = openStore({
          url: proxy.url,
          dataDir: '.',
          namespace: `outage-${randomUUID()}`,
          clock: fixedClock(new Date('2027-03-09T07:00:00Z')),
        });
        cleanup.push(() => store.close());
        await store.set('record', { answers: { Q1: 'yes' } });
        return { proxy, store };
      };

      it('refuses reads, writes and claims at once while the server is down, and works again once it is back', async () => {
        const { proxy, store } = await open();
        proxy.cut();
        // The dropped idle connections must not take the process down meanwhile.
        await pause(500);
        const during = [
          await outcome(() => store.get('record')),
          await outcome(() => store.getMany(['record', 'other'])),
          await outcome(() => store.set('record', { answers: { Q1: 'no' } })),
          await outcome(() => store.claim('lock', 15_000)),
        ];
        expect(during.map((o) => o.result)).toEqual(Array(4).fill(ErrorCode.StoreUnavailable));
        for (const { ms } of during) expect(ms).toBeLessThan(1_000);

        proxy.restore();
        expect(await backWithin(store, 10_000)).toBeLessThan(5_000);
        expect(await store.get('record')).toEqual({ answers: { Q1: 'yes' } });
        expect(await store.claim('lock', 15_000)).not.toBeNull();
      }, 30_000);

      it('gives up on a connection that stops answering within 5 s, and works again once the network is back', async () => {
        const { proxy, store } = await open();
        proxy.stall();
        const during = [
          await outcome(() => store.get('record')),
          await outcome(() => store.set('record', { answers: { Q1: 'no' } })),
        ];
        expect(during.map((o) => o.result)).toEqual(Array(2).fill(ErrorCode.StoreUnavailable));
        for (const { ms } of during) expect(ms).toBeLessThan(5_000);

        proxy.restore();
        expect(await backWithin(store, 10_000)).toBeLessThan(5_000);
        await store.set('record', { answers: { Q1: 'no' } });
        expect(await store.get('record')).toEqual({ answers: { Q1: 'no' } });
      }, 30_000);
    },
  );
}
