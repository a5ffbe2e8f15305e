import { describe, expect, it } from 'vitest';
import { dispatch, type Deliverers, type OutboxItem } from '../../src/outbox/items.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import type { StoredItem } from '../../src/outbox/read-item.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';

const to = { platform: 'slack', kind: 'person', id: 'U1' } as const;

/** Deliverers that record what they were handed. */
function recording() {
  const seen: OutboxItem[] = [];
  const record = async (item: OutboxItem) => {
    seen.push(item);
    return 'sent' as const;
  };
  const deliverers: Deliverers = {
    checkIn: record,
    actionReminder: record,
    actionEscalation: record,
    rollup: record,
    digest: record,
    reviewRequest: record,
  };
  return { seen, deliverers, record };
}

function setup() {
  const clock = fixedClock(new Date('2027-03-08T07:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'items', clock });
  const { seen, deliverers } = recording();
  const outbox = createOutbox({
    store,
    clock,
    logger: memoryLogger(),
    deliver: dispatch(deliverers),
  });
  return { store, outbox, seen };
}

/** Writes a batch as the version before typed payloads left it in the store. */
async function storeAsBefore(
  store: ReturnType<typeof setup>['store'],
  batch: string,
  items: { key: string; kind: string; payload: Record<string, string> }[],
) {
  const ids = items.map((item) => `${batch}:${item.key}`);
  for (const [index, item] of items.entries()) {
    const stored: StoredItem = {
      id: ids[index]!,
      batch,
      kind: item.kind,
      to,
      payload: item.payload,
      state: 'pending',
      attempts: 0,
    };
    await store.set(`outbox:item:${stored.id}`, stored);
  }
  await store.set(`outbox:batch:${batch}`, { id: batch, items: ids, createdAt: '2027-03-08' });
  await store.set('outbox:open', [batch]);
}

describe('deliverers', () => {
  it('are one per kind: leaving one out does not compile', () => {
    const { record } = recording();
    // @ts-expect-error -- the digest has no deliverer
    const incomplete: Deliverers = {
      checkIn: record,
      actionReminder: record,
      actionEscalation: record,
      rollup: record,
    };
    expect(Object.keys(incomplete)).not.toContain('digest');
  });

  it('each receive their own kind, with its payload as it was recorded', async () => {
    const { outbox, seen } = setup();
    await outbox.enqueue('mixed', [
      { key: 'a', kind: 'actionEscalation', to, payload: { ids: ['i1', 'i2'], day: '2027-03-08' } },
      { key: 'b', kind: 'checkIn', to, payload: { person: 'slack:U1', cycle: 'Q1', day: 'd' } },
    ]);
    expect(await outbox.drain()).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(seen.map((item) => [item.kind, item.payload])).toEqual([
      ['actionEscalation', { ids: ['i1', 'i2'], day: '2027-03-08' }],
      ['checkIn', { person: 'slack:U1', cycle: 'Q1', day: 'd' }],
    ]);
  });
});

describe('items stored before payloads were typed', () => {
  it('are delivered, their comma-joined ids as a list and a reminder flag as true', async () => {
    const { store, outbox, seen } = setup();
    await storeAsBefore(store, 'before', [
      { key: 'esc', kind: 'actionEscalation', payload: { ids: 'i1,i2', day: '2027-03-08' } },
      {
        key: 'ask',
        kind: 'checkIn',
        payload: { person: 'slack:U1', cycle: '2027-Q1', day: '2027-03-08', reminder: 'yes' },
      },
      {
        key: 'plain',
        kind: 'checkIn',
        payload: { person: 'slack:U2', cycle: '2027-Q1', day: 'd' },
      },
      { key: 'week', kind: 'rollup', payload: { cycle: '2027-Q1', week: 'W10', today: 'd' } },
    ]);
    expect(await outbox.drain()).toEqual({ sent: 4, skipped: 0, failed: 0 });
    expect(seen.map((item) => item.payload)).toEqual([
      { ids: ['i1', 'i2'], day: '2027-03-08' },
      { person: 'slack:U1', cycle: '2027-Q1', day: '2027-03-08', reminder: true },
      { person: 'slack:U2', cycle: '2027-Q1', day: 'd' },
      { cycle: '2027-Q1', week: 'W10', today: 'd' },
    ]);
    expect(await outbox.backlog()).toBe(0);
  });

  it('fail once when they cannot be read, and the rest of the batch is sent', async () => {
    const { store, outbox, seen } = setup();
    await storeAsBefore(store, 'broken', [
      { key: 'unknown', kind: 'fax', payload: { to: '555' } },
      { key: 'missing', kind: 'actionReminder', payload: { day: '2027-03-08' } },
      { key: 'fine', kind: 'actionReminder', payload: { owner: 'slack:U1', day: '2027-03-08' } },
    ]);
    expect(await outbox.drain()).toEqual({ sent: 1, skipped: 0, failed: 2 });
    expect(seen.map((item) => item.id)).toEqual(['broken:fine']);
    const failed = await store.get<StoredItem>('outbox:item:broken:unknown');
    expect([failed?.state, failed?.reason]).toEqual(['failed', 'unreadable']);
    expect(await outbox.drain()).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });
});
