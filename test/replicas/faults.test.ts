import { describe } from 'vitest';
import { services, warnSkipped } from './city.ts';
import { crashTests } from './crash.ts';
import { outageTests } from './outage.ts';
import { unreachableStoreTests } from './store-outage.ts';

warnSkipped('the crash and outage tests');

/**
 * Known gaps, kept as tests that run with TASA_TEST_KNOWN_GAPS=1: with
 * PostgreSQL unreachable, @keyv/postgres's own connection pool (which Tasa
 * cannot reach to give an error listener) crashes the process; with Redis
 * unreachable, operations wait for the reconnect instead of failing within 5 s.
 */
const knownGaps = process.env.TASA_TEST_KNOWN_GAPS === '1';
if (!knownGaps) {
  console.warn(
    'Skipping the PostgreSQL outage test and the 5-second store-refusal probes: known gaps (set TASA_TEST_KNOWN_GAPS=1 to run them).',
  );
}

// Concurrently: on Redis much of these tests is waiting, in real time, for
// the 120 s claim of a message whose sender died or lost the store to lapse.
describe.concurrent('faults', () => {
  for (const service of services) {
    describe.skipIf(!service.url)(`on ${service.name}`, () => {
      crashTests(service);
      if (knownGaps || service.name !== 'PostgreSQL') outageTests(service);
      if (knownGaps) unreachableStoreTests(service);
    });
  }
});
