import { UnreachableError } from '../chat/port.ts';
import type { DeliveryScopeRunner } from '../delivery/scope.ts';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';
import type { Deliver, ItemState, NewItem, OutboxItem } from './items.ts';
import { readItem, type StoredItem } from './read-item.ts';
import { allKey, batchesLock, batchKey, itemKey, openKey, sendingKey, type Batch } from './keys.ts';

export interface Outbox {
  /** Records a fan-out. Enqueuing the same batch again changes nothing. */
  enqueue(batch: string, items: readonly NewItem[]): Promise<void>;
  /** Sends what is pending in every open batch; safe to run on several replicas at once. */
  drain(): Promise<{ sent: number; skipped: number; failed: number }>;
  /** Items not yet sent, skipped or failed. */
  backlog(): Promise<number>;
  /** For shutdown: drains finish the item in hand and send nothing more; the rest stays pending. */
  stop(): void;
}

export interface OutboxOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  deliver: Deliver;
  /** Counts items as they reach a final state. */
  metrics?: MetricsSink;
  /** How long a replica holds an item while sending it; a crashed holder's item is retried after this. */
  sendClaimTtlMs?: number;
  /** Attempts before an item is given up on. */
  maxAttempts?: number;
  /** Where each delivery runs, so its sends carry the item's key (see src/delivery/send-once.ts). */
  scope?: DeliveryScopeRunner;
  /**
   * Items sent side by side (1 by default): a platform's limits, not one
   * round trip after another, should set the pace of a large fan-out.
   */
  concurrency?: number;
}

/**
 * The outbox: every fan-out is written down before anything is sent, and each
 * item is marked when sent. A crash in the middle resumes where it stopped:
 * no gap, and no duplicate (an item is claimed while it is being sent, and the
 * message a dead replica had already handed to the platform is found there
 * rather than sent again, on platforms that can be asked).
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store, logger } = options;
  const metrics = options.metrics ?? noMetrics;
  let stopped = false;
  const claimTtl = options.sendClaimTtlMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const concurrency = Math.max(1, options.concurrency ?? 1);

  const openBatches = async (): Promise<string[]> => (await store.get<string[]>(openKey)) ?? [];

  async function finish(item: StoredItem, state: ItemState, reason?: string): Promise<void> {
    const done: StoredItem = {
      ...item,
      state,
      doneAt: options.clock.now().toISOString(),
      ...(reason ? { reason } : {}),
    };
    await store.set(itemKey(item.id), done);
  }

  async function drainBatch(
    batch: Batch,
    totals: { sent: number; skipped: number; failed: number },
  ): Promise<boolean> {
    let open = 0;
    let consecutiveErrors = 0;
    let halted = false;

    async function drainItem(id: string): Promise<void> {
      const claim = await store.claim(sendingKey(id), claimTtl);
      if (!claim) return;
      // Read again under the claim: another replica may have just finished it.
      const found = await store.get<StoredItem>(itemKey(id));
      if (!found || found.state !== 'pending') {
        await store.release(claim);
        open--;
        return;
      }
      const readable = readItem(found);
      if (!readable) {
        // Retrying cannot make it readable: failed once, and the batch moves on.
        logger.error({ item: id, kind: found.kind }, 'outbox item unreadable');
        await finish(found, 'failed', 'unreadable');
        totals.failed++;
        metrics.outboxItem(found.kind, 'failed');
        await store.release(claim);
        open--;
        return;
      }
      const earlierAttemptAt = found.startedAt ? new Date(found.startedAt) : undefined;
      const current: OutboxItem = {
        ...readable,
        startedAt: found.startedAt ?? options.clock.now().toISOString(),
      };
      try {
        // Written down before sending: if this replica dies with the message at the
        // platform, whoever resumes the item knows to look for it there first.
        await store.set(itemKey(id), current);
        const attempt = { id, sends: 0, ...(earlierAttemptAt ? { earlierAttemptAt } : {}) };
        const outcome = options.scope
          ? await options.scope.run(attempt, () => options.deliver(current))
          : await options.deliver(current);
        await finish(current, outcome);
        totals[outcome]++;
        metrics.outboxItem(current.kind, outcome);
        open--;
        consecutiveErrors = 0;
      } catch (error) {
        if (error instanceof UnreachableError) {
          await finish(current, 'failed', error.reason);
          totals.failed++;
          metrics.outboxItem(current.kind, 'failed');
          open--;
        } else {
          const attempts = current.attempts + 1;
          logger.warn({ err: error, item: id, attempts }, 'outbox send failed');
          if (attempts >= maxAttempts) {
            await finish(
              { ...current, attempts },
              'failed',
              error instanceof Error ? error.message : String(error),
            );
            totals.failed++;
            metrics.outboxItem(current.kind, 'failed');
            open--;
          } else {
            await store.set(itemKey(id), { ...current, attempts });
          }
          consecutiveErrors++;
        }
      } finally {
        await store.release(claim);
      }
    }

    // Items to one person or channel go one after another, in the batch's order; others side by side.
    const tails = new Map<string, Promise<void>>();
    let next = 0;
    async function worker(): Promise<void> {
      // Shutting down: a fan-out can take minutes, and the process has seconds. A platform
      // that keeps failing (or rate-limits past our retries) is left alone until the next drain.
      while (next < batch.items.length && !stopped && !halted) {
        const id = batch.items[next++] ?? '';
        const item = await store.get<StoredItem>(itemKey(id));
        if (!item || item.state !== 'pending') continue;
        open++;
        const to = JSON.stringify(item.to);
        const mine = (tails.get(to) ?? Promise.resolve()).then(() =>
          stopped || halted ? undefined : drainItem(id),
        );
        tails.set(to, mine);
        await mine;
        if (consecutiveErrors >= 3) halted = true;
      }
    }
    await Promise.all(Array.from({ length: concurrency }, () => worker()));
    // Stopped before the end: the items not reached are still open.
    return !halted && next >= batch.items.length && open === 0;
  }

  return {
    async enqueue(batch, items) {
      await withLock(store, batchesLock, async () => {
        if (await store.get<Batch>(batchKey(batch))) return;
        const ids = items.map((item) => `${batch}:${item.key}`);
        for (const [index, item] of items.entries()) {
          const record: StoredItem = {
            id: ids[index] ?? '',
            batch,
            kind: item.kind,
            to: item.to,
            payload: item.payload,
            state: 'pending',
            attempts: 0,
          };
          await store.set(itemKey(record.id), record);
        }
        await store.set<Batch>(batchKey(batch), {
          id: batch,
          items: ids,
          createdAt: options.clock.now().toISOString(),
        });
        await store.set(openKey, [...(await openBatches()), batch]);
        // Kept since drained batches stay too; data kept before it is found through the open list.
        const all = (await store.get<string[]>(allKey)) ?? (await openBatches());
        await store.set(allKey, [...all.filter((b) => b !== batch), batch]);
      });
    },

    async drain() {
      const totals = { sent: 0, skipped: 0, failed: 0 };
      for (const id of await openBatches()) {
        if (stopped) break;
        const batch = await store.get<Batch>(batchKey(id));
        const complete = batch ? await drainBatch(batch, totals) : true;
        if (complete) {
          await withLock(store, batchesLock, async () => {
            await store.set(
              openKey,
              (await openBatches()).filter((b) => b !== id),
            );
          });
          logger.info({ batch: id }, 'outbox batch complete');
        }
      }
      return totals;
    },

    async backlog() {
      let count = 0;
      for (const id of await openBatches()) {
        const batch = await store.get<Batch>(batchKey(id));
        for (const itemId of batch?.items ?? []) {
          if ((await store.get<StoredItem>(itemKey(itemId)))?.state === 'pending') count++;
        }
      }
      return count;
    },

    stop() {
      stopped = true;
    },
  };
}
