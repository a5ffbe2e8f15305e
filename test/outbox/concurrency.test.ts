import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/address.ts';
import type { Deliverers, OutboxItem } from '../../src/outbox/items.ts';
import { dispatch } from '../../src/outbox/items.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';

/*
 * An outbox that sends several items side by side: a fan-out is paced by the
 * platform's limits rather than by one round trip after another, while what
 * goes to one person or channel still goes in the order it was recorded.
 */

const person = (id: string): Address => ({ platform: 'teams', kind: 'person', id });

function setup(concurrency: number) {
  const clock = fixedClock(new Date('2027-03-08T07:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'concurrency', clock });
  let inFlight = 0;
  let most = 0;
  const order: string[] = [];
  const deliver = async (item: OutboxItem) => {
    inFlight++;
    most = Math.max(most, inFlight);
    // A round trip to the platform.
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push(`${item.to.id}:${'day' in item.payload ? item.payload.day : ''}`);
    inFlight--;
    return 'sent' as const;
  };
  const deliverers: Deliverers = {
    checkIn: deliver,
    actionReminder: deliver,
    actionEscalation: deliver,
    rollup: deliver,
    digest: deliver,
    reviewRequest: deliver,
  };
  const outbox = createOutbox({
    store,
    clock,
    logger: memoryLogger(),
    deliver: dispatch(deliverers),
    concurrency,
  });
  return { outbox, order, most: () => most };
}

const checkIn = (to: string, day: string) => ({
  key: `${to}:${day}`,
  kind: 'checkIn' as const,
  to: person(to),
  payload: { person: `teams:${to}`, cycle: 'Q1', day },
});

describe('an outbox sending side by side', () => {
  it('sends up to its concurrency at once, each item once', async () => {
    const { outbox, order, most } = setup(4);
    await outbox.enqueue(
      'fan-out',
      Array.from({ length: 20 }, (_, i) => checkIn(`u${i}`, 'd1')),
    );
    expect(await outbox.drain()).toEqual({ sent: 20, skipped: 0, failed: 0 });
    expect(most()).toBe(4);
    expect(new Set(order).size).toBe(20);
    expect(await outbox.backlog()).toBe(0);
  });

  it('keeps the recorded order for one person', async () => {
    const { outbox, order } = setup(4);
    await outbox.enqueue('mixed', [
      checkIn('same', 'd1'),
      checkIn('other1', 'd1'),
      checkIn('same', 'd2'),
      checkIn('other2', 'd1'),
      checkIn('same', 'd3'),
    ]);
    await outbox.drain();
    expect(order.filter((o) => o.startsWith('same:'))).toEqual(['same:d1', 'same:d2', 'same:d3']);
  });

  it('sends one at a time by default', async () => {
    const { outbox, most } = setup(1);
    await outbox.enqueue('one', [checkIn('a', 'd1'), checkIn('b', 'd1'), checkIn('c', 'd1')]);
    await outbox.drain();
    expect(most()).toBe(1);
  });
});
