import type { Store } from '../store/store.ts';

/**
 * What the roll-up and the digest remember between weeks: which week's
 * report has been asked for, when the last roll-up went out, and each week's
 * numbers for the digest's "since last week".
 */
const requestKey = (kind: string, week: string): string => `report:${kind}:${week}`;
const lastRollupKey = 'report:rollup:last';
const snapshotKey = (week: string): string => `digest:snapshot:${week}`;

// Long enough that a week's report is never asked for twice, short enough to be forgotten.
const requestTtlMs = 60 * 24 * 60 * 60 * 1000;

/** True for the first request of a kind of report in a week, on any replica. */
export async function firstRequestOfWeek(
  store: Store,
  kind: string,
  week: string,
): Promise<boolean> {
  return (await store.claim(requestKey(kind, week), requestTtlMs)) !== null;
}

export const lastRollupAt = (store: Store): Promise<string | undefined> =>
  store.get<string>(lastRollupKey);

export const rememberRollupAt = (store: Store, at: string): Promise<void> =>
  store.set(lastRollupKey, at);

export const weekSnapshot = <T>(store: Store, week: string): Promise<T | undefined> =>
  store.get<T>(snapshotKey(week));

export const keepWeekSnapshot = <T extends { week: string }>(store: Store, snapshot: T) =>
  store.set(snapshotKey(snapshot.week), snapshot);
