import type { Evidence, Stamp } from '../checkins/answer.ts';
import type { FrameworkId } from '../catalogue/definitions.ts';

export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const isActionStatus = (v: unknown): v is ActionStatus =>
  typeof v === 'string' && (actionStatuses as readonly string[]).includes(v);

/**
 * A framework item a measure serves: a key factor, an ECCAR commitment or a
 * good-relations goal; or one guiding question of a key factor (`question`
 * KF06.Q2, with `item` its key factor KF06, so whatever counts measures by
 * key factor counts it too).
 */
export interface Serves {
  framework: FrameworkId;
  item: string;
  question?: string;
}

/** What a measure serves, as written: the question when it serves one, else the item. */
export const servedId = (serves: Serves): string => serves.question ?? serves.item;

/** How soon a measure is meant to bear fruit. */
export const horizons = ['quick_win', 'long_term'] as const;
export type Horizon = (typeof horizons)[number];
export const isHorizon = (v: unknown): v is Horizon =>
  typeof v === 'string' && (horizons as readonly string[]).includes(v);

export interface ProgressNote extends Stamp {
  text: string;
}

/** One change to an item: which field, from what to what, by whom and why. */
export interface ItemChange extends Stamp {
  field: string;
  from: string;
  to: string;
  reason?: string;
}

/** A measure of the action plan, with owners and dates (local 'YYYY-MM-DD'). */
export interface ActionItem {
  id: string;
  title: string;
  description: string;
  serves: Serves[];
  department?: string;
  horizon?: Horizon;
  /**
   * The specific means the city adopts for the commitment, and the resources
   * set aside for it: ECCAR asks a city to name both.
   */
  means?: string;
  resources?: string;
  /** Who the city works with, e.g. NGOs: ECCAR asks cities to work with civil society. */
  partners?: string[];
  /** Person keys, e.g. `slack:U0EDU1`. */
  owners: string[];
  start?: string;
  due: string;
  status: ActionStatus;
  notes: ProgressNote[];
  evidence: Evidence[];
  /** No reminders before this date. */
  snoozedUntil?: string;
  /** When it was escalated to the coordinating body (once). */
  escalatedAt?: string;
  created: Stamp;
  history: ItemChange[];
}

export const isOpenItem = (item: Pick<ActionItem, 'status'>): boolean =>
  item.status === 'planned' || item.status === 'in_progress';

/** The framework an item id belongs to: KF01 (and KF01.Q2) → integrating-cities, ECCAR03 → eccar-10-point, HVS2 → hvs-7-goals. */
export function frameworkOf(itemId: string): FrameworkId | undefined {
  if (/^KF\d{2}(\.Q\d+)?$/.test(itemId)) return 'integrating-cities';
  if (/^ECCAR\d{2}$/.test(itemId)) return 'eccar-10-point';
  if (/^HVS\d$/.test(itemId)) return 'hvs-7-goals';
  return undefined;
}
