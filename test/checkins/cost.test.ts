import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { countingStore } from '../helpers/counting-store.ts';
import { createWorld } from '../helpers/world.ts';

describe('what one answer click costs', () => {
  it('reads what it needs once and writes the record once, under one lock', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const counted = countingStore(
      openStore({ url: 'memory:', dataDir: '.', namespace: 'test', clock }),
    );
    const world = createWorld({ store: counted.store });
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    await world.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    // A second question is answered the same way as the first: measure one in the middle.
    await eeva.click('Yes');

    counted.reset();
    await eeva.click('Yes');

    const summary = counted.calls.map((c) => `${c.method} ${c.key}`);
    console.info(`one answer click: ${counted.calls.length} store calls\n${summary.join('\n')}`);
    expect(counted.locks('record:'), summary.join('\n')).toBe(1);
    expect(counted.calls.length, summary.join('\n')).toBeLessThanOrEqual(8);
  });
});
