import { ErrorCode, TasaError } from '../shared/errors.ts';
import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';
import { allKey, batchesLock, batchKey, itemKey, openKey, sendingKey, type Batch } from './keys.ts';
import type { StoredItem } from './read-item.ts';

/** The outbox's share of what is kept about a person: what is still to be sent to them. */
export interface OutboxData {
  pendingMessages?: { kind: string; batch: string; day?: string }[];
}

/** How long an erasure waits for an item being sent to them right now. */
const sendingWaitMs = 30_000;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether an item is for the person or about them: sent to one of their ids, or naming them. */
function concerns(item: StoredItem, subject: DataSubject): boolean {
  const payload = (item.payload ?? {}) as { person?: unknown; owner?: unknown };
  if (payload.person === subject.person || payload.owner === subject.person) return true;
  if (item.id === `${item.batch}:${subject.person}`) return true;
  const { to } = item;
  return (
    to.kind === 'person' &&
    (`${to.platform}:${to.id}` === subject.person ||
      subject.refs.some((ref) => ref.platform === to.platform && ref.id === to.id))
  );
}

/** Every recorded batch: the list of all, and the open ones (data kept before that list). */
async function batchIds(store: Store): Promise<string[]> {
  const [all, open] = await store.getMany<string[]>([allKey, openKey]);
  return [...new Set([...(all ?? []), ...(open ?? [])])];
}

/** Each batch with the items in it that concern the person. */
async function theirs(store: Store, subject: DataSubject): Promise<[Batch, StoredItem[]][]> {
  const found: [Batch, StoredItem[]][] = [];
  for (const id of await batchIds(store)) {
    const batch = await store.get<Batch>(batchKey(id));
    if (!batch) continue;
    const items = await store.getMany<StoredItem>(batch.items.map(itemKey));
    const mine = items.filter((item): item is StoredItem => !!item && concerns(item, subject));
    if (mine.length > 0) found.push([batch, mine]);
  }
  return found;
}

/**
 * Deletes an item once no replica is sending it: holding its sending claim,
 * so that a send finishing meanwhile cannot write it back.
 */
async function deleteItem(store: Store, id: string): Promise<void> {
  const deadline = Date.now() + sendingWaitMs;
  for (;;) {
    const claim = await store.claim(sendingKey(id), sendingWaitMs);
    if (claim) {
      try {
        await store.delete(itemKey(id));
        return;
      } finally {
        await store.release(claim);
      }
    }
    if (Date.now() > deadline)
      throw new TasaError(ErrorCode.StoreUnavailable, 'outbox item is being sent', { key: id });
    await pause(250);
  }
}

/**
 * The outbox's share of a data-subject request. Erasure deletes the person's
 * items, pending or finished, and takes their ids out of the batches: a
 * batch drains past an item that is gone, so none needs them to finish.
 */
export function outboxPersonalData(store: Store): PersonalData<OutboxData> {
  return {
    name: 'outbox',
    async export(subject) {
      const pendingMessages = (await theirs(store, subject)).flatMap(([batch, items]) =>
        items
          .filter((item) => item.state === 'pending')
          .map((item) => {
            const day = (item.payload as { day?: unknown } | undefined)?.day;
            return {
              kind: item.kind,
              batch: batch.id,
              ...(typeof day === 'string' ? { day } : {}),
            };
          }),
      );
      return pendingMessages.length > 0 ? { pendingMessages } : {};
    },
    async erase(subject) {
      for (const [batch, items] of await theirs(store, subject)) {
        for (const item of items) await deleteItem(store, item.id);
        const gone = new Set(items.map((item) => item.id));
        await withLock(store, batchesLock, async () => {
          const current = await store.get<Batch>(batchKey(batch.id));
          if (!current) return;
          await store.set<Batch>(batchKey(batch.id), {
            ...current,
            items: current.items.filter((id) => !gone.has(id)),
          });
        });
      }
      // Records only the person's: deleted, not changed, so nothing to report.
      return undefined;
    },
  };
}
