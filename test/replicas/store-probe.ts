/**
 * Asks a store, through a proxy cut for the occasion, what it answers while
 * its server cannot be reached. A separate process, because a client library
 * that crashes on a dropped connection must not take the test runner with it.
 * Run: node --experimental-strip-types store-probe.ts <store url>; prints JSON.
 */
import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../src/shared/clock.ts';
import { isTasaError } from '../../src/shared/errors.ts';
import { openStore } from '../../src/store/open.ts';
import { startProxy } from './proxy.ts';

const proxy = await startProxy(process.argv[2] ?? '');
const clock = fixedClock(new Date('2027-03-09T07:00:00Z'));
const store = openStore({
  url: proxy.url,
  dataDir: '.',
  namespace: `probe-${randomUUID()}`,
  clock,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What an operation did within 5 s: its value, a coded rejection, another error, or nothing. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  const settled = run().then(
    (value) => `resolved ${JSON.stringify(value ?? null)}`,
    (error: unknown) => (isTasaError(error) ? `rejected ${error.code}` : `threw ${String(error)}`),
  );
  return Promise.race([settled, pause(5_000).then(() => 'no answer within 5 s')]);
}

await store.set('record', { answers: { Q1: 'yes' } });
const before = await outcome(() => store.get('record'));
proxy.cut();
await pause(1_000);
const during = {
  get: await outcome(() => store.get('record')),
  set: await outcome(() => store.set('written-during', { answers: { Q2: 'no' } })),
  claim: await outcome(() => store.claim('lock', 15_000).then((c) => (c ? 'won' : 'lost'))),
};
proxy.restore();
// Back: wait for the client to reconnect, then look at what the outage left.
for (let i = 0; i < 50 && (await outcome(() => store.ping())) !== 'resolved null'; i++)
  await pause(200);
const after = {
  record: await outcome(() => store.get('record')),
  writtenDuring: await outcome(() => store.get('written-during')),
};
process.stdout.write(JSON.stringify({ before, during, after }));
await store.close();
await proxy.close();
process.exit(0);
