import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/address.ts';
import type { NewItem, OutboxItem } from '../../src/outbox/items.ts';
import { createOutbox } from '../../src/outbox/outbox.ts';
import { outboxPersonalData } from '../../src/outbox/personal-data.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';

const eeva = {
  person: 'slack:UEDU1',
  refs: [
    { platform: 'slack' as const, id: 'UEDU1' },
    { platform: 'teams' as const, id: 'eeva.opettaja@testikaupunki.fi' },
  ],
};
const slack = (id: string): Address => ({ platform: 'slack', kind: 'person', id });
const channel: Address = { platform: 'slack', kind: 'channel', id: 'CCOORD' };

const checkIn = (person: string, to: Address, day: string): NewItem => ({
  key: person,
  kind: 'checkIn',
  to,
  payload: { person, cycle: '2027-Q1', day },
});

/** An outbox whose deliveries wait for `hold` when one is set. */
function setup() {
  const clock = fixedClock(new Date('2027-03-08T07:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'outbox-pd', clock });
  const sent: string[] = [];
  let hold: Promise<void> | undefined;
  let started = (): void => undefined;
  const deliver = async (item: OutboxItem) => {
    started();
    if (hold) await hold;
    sent.push(item.id);
    return 'sent' as const;
  };
  const outbox = createOutbox({ store, clock, logger: memoryLogger(), deliver });
  const share = outboxPersonalData(store);
  return {
    store,
    outbox,
    share,
    sent,
    /** Deliveries wait until the returned function is called; `began` resolves when one does. */
    holdDeliveries() {
      let release = (): void => undefined;
      hold = new Promise((resolve) => (release = resolve));
      const began = new Promise<void>((resolve) => (started = resolve));
      return { release, began };
    },
  };
}

describe("the outbox's share of a data-subject request", () => {
  it("lists what is pending for a person, and erasure deletes their items, sent or not, and nobody else's", async () => {
    const { store, outbox, share, sent } = setup();
    await outbox.enqueue('checkIns:monday', [
      checkIn('slack:UEDU1', slack('UEDU1'), '2027-03-08'),
      checkIn('slack:UEDU2', slack('UEDU2'), '2027-03-08'),
    ]);
    await outbox.drain();
    await outbox.enqueue('checkIns:tuesday', [
      checkIn('slack:UEDU2', slack('UEDU2'), '2027-03-09'),
      // Reached on Teams under her e-mail: hers through her refs.
      {
        key: 'teams-eeva',
        kind: 'checkIn',
        to: { platform: 'teams', kind: 'person', id: 'eeva.opettaja@testikaupunki.fi' },
        payload: { person: 'slack:UEDU1', cycle: '2027-Q1', day: '2027-03-09' },
      },
      {
        key: 'slack:UEDU1',
        kind: 'actionReminder',
        to: slack('UEDU1'),
        payload: { owner: 'slack:UEDU1', day: '2027-03-09' },
      },
      {
        key: 'coordination',
        kind: 'actionEscalation',
        to: channel,
        payload: { ids: ['A1'], day: '2027-03-09' },
      },
    ]);

    expect(await share.export(eeva)).toEqual({
      pendingMessages: [
        { kind: 'checkIn', batch: 'checkIns:tuesday', day: '2027-03-09' },
        { kind: 'actionReminder', batch: 'checkIns:tuesday', day: '2027-03-09' },
      ],
    });
    expect(await share.export({ person: 'slack:UCULT1', refs: [] })).toEqual({});

    expect(await share.erase(eeva)).toBeUndefined();
    for (const id of [
      'checkIns:monday:slack:UEDU1',
      'checkIns:tuesday:teams-eeva',
      'checkIns:tuesday:slack:UEDU1',
    ])
      expect(await store.get(`outbox:item:${id}`), id).toBeUndefined();
    expect(await store.get('outbox:batch:checkIns:monday')).toMatchObject({
      items: ['checkIns:monday:slack:UEDU2'],
    });
    expect(await store.get('outbox:batch:checkIns:tuesday')).toMatchObject({
      items: ['checkIns:tuesday:slack:UEDU2', 'checkIns:tuesday:coordination'],
    });
    expect(await share.export(eeva)).toEqual({});

    // The batch still finishes, with everyone else's items.
    sent.length = 0;
    expect(await outbox.drain()).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(sent).toEqual(['checkIns:tuesday:slack:UEDU2', 'checkIns:tuesday:coordination']);
    expect(await store.get('outbox:open')).toEqual([]);
  });

  it('finds batches recorded before the list of every batch was kept', async () => {
    const { store, outbox, share } = setup();
    await outbox.enqueue('reminders:old', [checkIn('slack:UEDU1', slack('UEDU1'), '2027-03-08')]);
    await store.delete('outbox:batches');
    await share.erase(eeva);
    expect(await store.get('outbox:item:reminders:old:slack:UEDU1')).toBeUndefined();
  });

  it('waits for an item being sent to the person, so the send cannot write it back', async () => {
    const { store, outbox, share, holdDeliveries } = setup();
    await outbox.enqueue('checkIns:monday', [checkIn('slack:UEDU1', slack('UEDU1'), '2027-03-08')]);
    const { release, began } = holdDeliveries();
    const draining = outbox.drain();
    await began;
    let erased = false;
    const erasing = share.erase(eeva).then(() => (erased = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(erased).toBe(false);
    release();
    await Promise.all([draining, erasing]);
    expect(await store.get('outbox:item:checkIns:monday:slack:UEDU1')).toBeUndefined();
    expect(await store.get('outbox:batch:checkIns:monday')).toMatchObject({ items: [] });
  });
});
