import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../src/action-plans/item.ts';
import {
  actionIds,
  actionItemsPersonalData,
  allItems,
  createItems,
  getItem,
} from '../../src/action-plans/repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { storedItem } from '../helpers/fixtures.ts';

const draft = (title: string): Omit<ActionItem, 'id'> => storedItem({ title });

const memory = (): Store =>
  openStore({
    url: 'memory:',
    dataDir: '.',
    namespace: 'ids',
    clock: fixedClock(new Date('2027-01-04T08:00:00Z')),
  });

describe('action item ids', () => {
  it('go on after the highest id of a plan kept before they were counted', async () => {
    const store = memory();
    for (const id of ['A1', 'A2', 'A7']) await store.set(`action:${id}`, { ...draft(id), id });
    await store.set('actions', ['A1', 'A2', 'A7']);
    const created = await createItems(store, [draft('new'), draft('newer')]);
    expect(created.map((item) => item.id)).toEqual(['A8', 'A9']);
    expect(await actionIds(store)).toEqual(['A1', 'A2', 'A7', 'A8', 'A9']);
  });

  it('are not used again after a creation cut short, whose items a data-subject request still finds', async () => {
    const store = memory();
    let failIndex = true;
    const failing: Store = {
      ...store,
      set: async (key, value, ttlMs) => {
        if (key === 'actions' && failIndex) throw new Error('disk full');
        return store.set(key, value, ttlMs);
      },
    };
    await expect(createItems(failing, [draft('cut short')])).rejects.toThrow('disk full');
    failIndex = false;
    // Nothing half done is listed, and the next item has an id of its own.
    expect(await allItems(store)).toEqual([]);
    expect((await createItems(store, [draft('next')])).map((item) => item.id)).toEqual(['A2']);

    const share = actionItemsPersonalData(store);
    const eeva = { person: 'slack:UEDU1', refs: [] };
    expect((await share.export(eeva)).actionItems.map((item) => item.title)).toEqual([
      'next',
      'cut short',
    ]);
    await share.erase(eeva);
    expect((await getItem(store, 'A1'))?.owners).toEqual([]);
    expect((await getItem(store, 'A2'))?.owners).toEqual([]);
  });
});
