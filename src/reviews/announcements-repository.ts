import type { Store } from '../store/store.ts';

/**
 * Which departments' key factors reviewers have been told about, per cycle,
 * and the day it was last done: each is announced once, and reviewers hear
 * at most once a day. Holds ids and days only, nothing about a person.
 */
export interface Announcements {
  /** `<department>:<key factor>` → the local day reviewers were told. */
  announced: Record<string, string>;
  lastDay?: string;
}

const announcementsKey = (cycle: string): string => `review:announced:${cycle}`;

export async function announcementsOf(store: Store, cycle: string): Promise<Announcements> {
  return (await store.get<Announcements>(announcementsKey(cycle))) ?? { announced: {} };
}

export async function rememberAnnounced(
  store: Store,
  cycle: string,
  keys: readonly string[],
  day: string,
): Promise<void> {
  const known = await announcementsOf(store, cycle);
  const announced = { ...known.announced, ...Object.fromEntries(keys.map((k) => [k, day])) };
  await store.set<Announcements>(announcementsKey(cycle), { announced, lastDay: day });
}
