import type { Evidence, Stamp } from '../checkins/answer.ts';
import type { FrameworkId } from '../catalogue/definitions.ts';

export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const isActionStatus = (v: unknown): v is ActionStatus =>
  typeof v === 'string' && (actionStatuses as readonly string[]).includes(v);

/** A framework item a measure serves: a key factor, an ECCAR commitment or a good-relations goal. */
export interface Serves {
  framework: FrameworkId;
  item: string;
}

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

/** The framework an item id belongs to: KF01 → integrating-cities, ECCAR03 → eccar-10-point, HVS2 → hvs-7-goals. */
export function frameworkOf(itemId: string): FrameworkId | undefined {
  if (/^KF\d{2}$/.test(itemId)) return 'integrating-cities';
  if (/^ECCAR\d{2}$/.test(itemId)) return 'eccar-10-point';
  if (/^HVS\d$/.test(itemId)) return 'hvs-7-goals';
  return undefined;
}
