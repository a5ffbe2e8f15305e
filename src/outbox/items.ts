import type { Address } from '../chat/address.ts';

/** A week's report to a channel; the message itself is worked out at send time. */
export interface ReportPayload {
  cycle: string;
  /** ISO week, '2027-W10': one report a week. */
  week: string;
  today: string;
}

/**
 * What each kind of item carries: only ids and dates, since the message is
 * worked out afresh at send time (things may have changed since the fan-out).
 */
export interface Payloads {
  checkIn: {
    person: string;
    cycle: string;
    day: string;
    /** A coordinator's `remind`: sent even to someone already asked today. */
    reminder?: boolean;
  };
  actionReminder: { owner: string; day: string };
  actionEscalation: { ids: string[]; day: string };
  rollup: ReportPayload;
  digest: ReportPayload;
  /** A reviewer's grouped peer review of the day: what waits is worked out at send time. */
  reviewRequest: { reviewer: string; cycle: string; day: string };
}

export type OutboxKind = keyof Payloads;

export type ItemState = 'pending' | 'sent' | 'skipped' | 'failed';

/** What the outbox itself keeps about every item, whatever its kind. */
export interface ItemRecord {
  id: string;
  batch: string;
  to: Address;
  state: ItemState;
  attempts: number;
  /** When the first attempt to send began; an item with it set may already be at the platform. */
  startedAt?: string;
  doneAt?: string;
  reason?: string;
}

/** Each kind's item; indexed by kind so that a deliverer and its item can be matched generically. */
export type ItemsByKind = { [K in OutboxKind]: ItemRecord & { kind: K; payload: Payloads[K] } };

/** One message a job means to send, recorded before it is sent. */
export type OutboxItem = ItemsByKind[OutboxKind];

/** The item of one kind: the same type as `Extract<OutboxItem, { kind: K }>`. */
export type ItemOf<K extends OutboxKind> = ItemsByKind[K];

/** An item as a fan-out asks for it. */
export type NewItem = {
  [K in OutboxKind]: {
    /** Unique within the batch, e.g. the person's key. */
    key: string;
    kind: K;
    to: Address;
    payload: Payloads[K];
  };
}[OutboxKind];

/** 'skipped' when there turned out to be nothing to say. */
export type Outcome = 'sent' | 'skipped';

/** Sends one item, whatever its kind. */
export type Deliver = (item: OutboxItem) => Promise<Outcome>;

/** One deliverer per kind: a kind without one does not compile. */
export type Deliverers = { [K in OutboxKind]: (item: ItemOf<K>) => Promise<Outcome> };

/** Hands each item to its kind's deliverer. */
export function dispatch(deliverers: Deliverers): Deliver {
  return (item) => deliverOne(deliverers, item.kind, item);
}

// Generic in the kind, so the compiler sees the deliverer and the item agree without a cast.
function deliverOne<K extends OutboxKind>(
  deliverers: Deliverers,
  kind: K,
  item: ItemOf<K>,
): Promise<Outcome> {
  return deliverers[kind](item);
}
