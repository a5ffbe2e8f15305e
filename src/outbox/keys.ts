import { createHash } from 'node:crypto';

/** A fan-out as recorded: its items' ids, in the order they are sent. */
export interface Batch {
  id: string;
  items: string[];
  createdAt: string;
}

/** The batches not yet drained. */
export const openKey = 'outbox:open';
/** Every batch ever recorded, drained or not: where a data-subject request finds them all. */
export const allKey = 'outbox:batches';
export const batchKey = (id: string): string => `outbox:batch:${id}`;
export const itemKey = (id: string): string => `outbox:item:${id}`;
/** The lock under which batches are recorded and their lists changed. */
export const batchesLock = 'outbox';

/**
 * The claim a replica holds while sending an item. Hashed: an item's id names
 * the person it is for, and a claim whose holder died stays in the store.
 */
export const sendingKey = (id: string): string =>
  `outbox:sending:${createHash('sha256').update(id).digest('base64url')}`;
