import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/outbox/items.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { createRunner } from '../../src/scheduler/runner.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';

describe('stopping in the middle of a fan-out', () => {
  it('finishes the message in hand, leaves the rest pending and unclaimed, and takes no longer than one send', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'shutdown', clock });
    const logger = memoryLogger();
    const sent: string[] = [];
    // A paced platform: one message every 50 ms, so 100 take five seconds.
    const deliver = async (item: OutboxItem) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent.push(item.id);
      return 'sent' as const;
    };
    const outbox = createOutbox({ store, clock, logger, deliver });
    const scheduler = createScheduler({
      store,
      clock,
      timeZone: 'Europe/Helsinki',
      graceMs: 0,
      logger,
      jobs: [],
    });
    const runner = createRunner(scheduler, outbox, logger);
    const to = { platform: 'slack', kind: 'person', id: 'U1' } as const;
    await outbox.enqueue(
      'fan-out',
      Array.from({ length: 100 }, (_, i) => ({
        key: `p${i}`,
        kind: 'checkIn' as const,
        to,
        payload: { person: `slack:U${i}`, cycle: '2027-Q1', day: '2027-01-04' },
      })),
    );

    const ticking = runner.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = Date.now();
    await runner.stop();
    await ticking;
    expect(Date.now() - stopping).toBeLessThan(500);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(100);

    // Another replica (or a restart) carries on at once: nothing is lost, nothing held.
    const next = createOutbox({ store, clock, logger, deliver: async () => 'sent' });
    expect(await next.backlog()).toBe(100 - sent.length);
    expect(await next.drain()).toEqual({ sent: 100 - sent.length, skipped: 0, failed: 0 });
  });
});
