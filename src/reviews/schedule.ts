import type { CheckInEngine } from '../checkins/engine.ts';
import { departmentSummaries } from '../checkins/summary-repository.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { getCycle, openCycleOf } from '../cycles/repository.ts';
import { isOpen } from '../cycles/cycle.ts';
import type { NewItem } from '../outbox/items.ts';
import type { Deliverers } from '../outbox/items.ts';
import type { Directory } from '../people/directory.ts';
import { onWorkingDay, type FanOutDeps } from '../people/fan-out.ts';
import { isResting, personState } from '../people/preferences.ts';
import type { Job } from '../scheduler/scheduler.ts';
import { announcementsOf, rememberAnnounced } from './announcements-repository.ts';
import { loadWaiting, reviewReader } from './load.ts';
import { reviewMessage } from './messages.ts';
import { groupKey, readyForReview, waitingFor } from './waiting.ts';

export interface ReviewJobDeps extends FanOutDeps {
  directory: Directory;
  config: OrganizationConfig;
}

/**
 * Once a day, on working days: key factors departments have completed since
 * the last run go to the reviewers, each reviewer getting one grouped message
 * with everything that waits for them. Nothing new, no message.
 */
export function reviewsJob(deps: ReviewJobDeps, cron: string): Job {
  return {
    name: 'reviews',
    cron,
    async run(slot) {
      const day = slot.id.slice(0, 10);
      if (!onWorkingDay(deps, day, 'peer review')) return;
      await announceReviews(deps, day);
    },
  };
}

/** Records and sends the day's review requests; the number of reviewers asked. */
export async function announceReviews(deps: ReviewJobDeps, day: string): Promise<number> {
  const cycle = await openCycleOf(deps.store);
  if (!cycle) return 0;
  const known = await announcementsOf(deps.store, cycle.id);
  // One message a day at most: what is completed later today waits for tomorrow's run.
  if (known.lastDay === day) return 0;
  const summaries = await departmentSummaries(
    deps.store,
    cycle.id,
    cycle.departments.map((d) => d.id),
  );
  const fresh = readyForReview(cycle, summaries)
    .map(groupKey)
    .filter((key) => known.announced[key] === undefined);
  if (fresh.length === 0) return 0;
  const items: NewItem[] = [];
  for (const reviewer of deps.directory.reviewers()) {
    const mine = waitingFor(cycle, summaries, reviewer, deps.directory).map(groupKey);
    if (!mine.some((key) => fresh.includes(key))) continue;
    // Away or snoozed: no message; what waits stays in `review` and App Home for their return.
    if (isResting(await personState(deps.store, reviewer), day)) continue;
    const to = deps.directory.addressOf(reviewer);
    if (!to) {
      deps.logger.warn({ person: reviewer }, 'reviewer not reachable on any enabled platform');
      continue;
    }
    items.push({
      key: reviewer,
      kind: 'reviewRequest',
      to,
      payload: { reviewer, cycle: cycle.id, day },
    });
  }
  await deps.outbox.enqueue(`reviews:${cycle.id}:${day}`, items);
  await rememberAnnounced(deps.store, cycle.id, fresh, day);
  await deps.outbox.drain();
  return items.length;
}

/** A reviewer's grouped message, worked out at send time: what was reviewed meanwhile is left out. */
export function reviewDeliverers(engine: CheckInEngine): Pick<Deliverers, 'reviewRequest'> {
  const ctx = engine.context;
  return {
    async reviewRequest({ payload: { reviewer, cycle: cycleId } }) {
      const cycle = await getCycle(ctx.store, cycleId);
      if (!cycle || !isOpen(cycle)) return 'skipped';
      const waiting = await loadWaiting(ctx, cycle, reviewer);
      if (waiting.groups.length === 0) return 'skipped';
      const v = await reviewReader(ctx, reviewer, cycle);
      const ref = await ctx.sendTo(reviewer, reviewMessage(v, waiting.groups, waiting.records));
      return ref ? 'sent' : 'skipped';
    },
  };
}
