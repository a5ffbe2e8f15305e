import type { Address } from '../../src/chat/address.ts';
import type { Action } from '../../src/chat/actions.ts';
import type { Button } from '../../src/chat/views.ts';
import type { FormValues } from '../../src/chat/actor.ts';

/** How a replica process is started: one JSON argument. */
export interface ReplicaOptions {
  name: string;
  storeUrl: string;
  /** The organisation id, fresh per test so runs never see each other's data. */
  namespace: string;
  /** The organisation's YAML, as text. */
  config: string;
  /** The collector's address, e.g. http://127.0.0.1:4567. */
  collector: string;
  /** The clock's first reading (ISO); the parent moves it with every tick. */
  start: string;
}

/** Parent → replica over IPC. Every request carries an id that comes back in the reply. */
export type Request =
  | { type: 'tick'; id: number; at: string }
  | {
      type: 'action';
      id: number;
      /** The clock for this interaction (ISO). */
      at: string;
      person: string;
      action: Action;
      interaction: string;
    }
  | {
      type: 'form';
      id: number;
      at: string;
      person: string;
      context: Action;
      values: FormValues;
      interaction: string;
    }
  | { type: 'stop'; id: number };

/** Replica → parent. */
export type Reply =
  | { type: 'ready' }
  | { type: 'ticked'; id: number; ms: number }
  | { type: 'acted'; id: number; ms: number; result?: unknown; error?: string }
  | { type: 'stopped'; id: number };

/** What the collector gets for every message a replica sends (POST /send). */
export interface SentRecord {
  replica: string;
  to: Address;
  /** The id of the message this one replies to in a thread. */
  thread?: string;
  /** The replica's clock when it sent (ISO): the driven, not the real, time. */
  at: string;
  text: string;
  header?: string;
  /** Every text block, joined: enough to tell what kind of message it is. */
  body: string;
  buttons: Button[];
  /** The delivery key the platform keeps with the message (as Slack keeps message metadata). */
  key?: string;
}
