import { z } from 'zod';
import type { ItemOf, ItemRecord, OutboxItem, OutboxKind, Payloads } from './items.ts';

/** An item as it lies in the store: written by this version or by one before typed payloads. */
export interface StoredItem extends ItemRecord {
  kind: string;
  payload: unknown;
}

const text = z.string();
/** Items written before typed payloads flagged a coordinator's reminder 'yes'. */
const flag = z.union([z.boolean(), z.literal('yes').transform(() => true)]).optional();
/** ... and joined ids with commas. */
const ids = z.union([
  z.array(text),
  z.string().transform((joined) => joined.split(',').filter((id) => id !== '')),
]);
const report = z.object({ cycle: text, week: text, today: text });

const payloads: { [K in OutboxKind]: z.ZodType<Payloads[K]> } = {
  checkIn: z.object({ person: text, cycle: text, day: text, reminder: flag }),
  actionReminder: z.object({ owner: text, day: text }),
  actionEscalation: z.object({ ids, day: text }),
  rollup: report,
  digest: report,
  reviewRequest: z.object({ reviewer: text, cycle: text, day: text }),
};

const isKind = (kind: string): kind is OutboxKind => Object.hasOwn(payloads, kind);

/**
 * The stored item with its payload checked (and upgraded, if written before
 * payloads were typed); undefined when it cannot be read, so that it fails
 * once instead of at every drain.
 */
export function readItem(stored: StoredItem): OutboxItem | undefined {
  return isKind(stored.kind) ? readAs(stored.kind, stored) : undefined;
}

function readAs<K extends OutboxKind>(kind: K, stored: StoredItem): ItemOf<K> | undefined {
  const schema: z.ZodType<Payloads[K]> = payloads[kind];
  const parsed = schema.safeParse(stored.payload);
  if (!parsed.success) return undefined;
  // The kind and the payload were checked together just above; the compiler cannot pair them generically.
  return { ...stored, kind, payload: parsed.data } as ItemOf<K>;
}
