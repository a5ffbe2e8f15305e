import { describe } from 'vitest';
import { services, warnSkipped } from './city.ts';
import { crashTests } from './crash.ts';
import { outageTests } from './outage.ts';
import { unreachableStoreTests } from './store-outage.ts';

warnSkipped('the crash and outage tests');

// Concurrently: on Redis much of these tests is waiting, in real time, for
// the 20 s claim of a message whose sender died or lost the store to lapse.
describe.concurrent('faults', () => {
  for (const service of services) {
    describe.skipIf(!service.url)(`on ${service.name}`, () => {
      crashTests(service);
      outageTests(service);
      unreachableStoreTests(service);
    });
  }
});
