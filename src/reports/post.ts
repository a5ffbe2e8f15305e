import { planReaderIn, type PlanReader } from '../action-plans/reader.ts';
import { allItems } from '../action-plans/repository.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import type { Cycle } from '../cycles/cycle.ts';
import { cycleIndex, getCycle, openCycleOf } from '../cycles/repository.ts';
import { formatDate } from '../i18n/format.ts';
import type { Deliverers, ItemOf } from '../outbox/items.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { WorkCalendar } from '../scheduler/calendar.ts';
import { digestData, saveSnapshot } from './digest.ts';
import { digestMessage } from './digest-message.ts';
import { addDays } from '../shared/dates.ts';
import { firstRequestOfWeek, lastRollupAt, rememberRollupAt } from './report-repository.ts';
import { isoWeek } from './period.ts';
import { rollupData } from './rollup.ts';
import { rollupMessages } from './rollup-messages.ts';

export interface ReportDeps {
  engine: CheckInEngine;
  outbox: Outbox;
  calendar: WorkCalendar;
}

export type ReportOutcome = 'posted' | 'alreadyPosted' | 'noCycle' | 'noChannel';

/** The open cycle, else the latest one. */
export async function currentCycle(deps: ReportDeps): Promise<Cycle | undefined> {
  const store = deps.engine.context.store;
  const open = await openCycleOf(store);
  if (open) return open;
  const latest = (await cycleIndex(store)).ids.at(-1);
  return latest ? getCycle(store, latest) : undefined;
}

/** The channel as a reader: the organisation's language, for channel posts. */
export function channelReader(engine: CheckInEngine): Promise<PlanReader> {
  return planReaderIn(engine.context, engine.context.config.organization.locale);
}

/**
 * Asks for one roll-up or digest in a week: claimed once (a re-run, a second
 * replica or `rollup now` after the schedule posts nothing new), then sent
 * through the outbox.
 */
async function request(
  deps: ReportDeps,
  kind: 'rollup' | 'digest',
  today: string,
): Promise<ReportOutcome> {
  const ctx = deps.engine.context;
  const cycle = await currentCycle(deps);
  if (!cycle) return 'noCycle';
  const channels = ctx.config.channels;
  const to =
    kind === 'rollup'
      ? ctx.directory.channelAddress(channels.coordination)
      : ((channels.steering && ctx.directory.channelAddress(channels.steering)) ??
        ctx.directory.channelAddress(channels.coordination));
  if (!to) return 'noChannel';
  const week = isoWeek(today);
  if (!(await firstRequestOfWeek(ctx.store, kind, week))) return 'alreadyPosted';
  await deps.outbox.enqueue(`${kind}:${week}`, [
    { key: kind, kind, to, payload: { cycle: cycle.id, week, today } },
  ]);
  await deps.outbox.drain();
  return 'posted';
}

export const requestRollup = (deps: ReportDeps, today: string) => request(deps, 'rollup', today);
export const requestDigest = (deps: ReportDeps, today: string) => request(deps, 'digest', today);

/** The week's roll-up and digest, worked out at send time. */
export function reportDeliverers(engine: CheckInEngine): Pick<Deliverers, 'rollup' | 'digest'> {
  return { rollup: deliverRollup(engine), digest: deliverDigest(engine) };
}

/** Posts the roll-up: the summary in the channel, the detail in its thread. */
function deliverRollup(engine: CheckInEngine) {
  return async (item: ItemOf<'rollup'>): Promise<'sent' | 'skipped'> => {
    const ctx = engine.context;
    const { cycle: cycleId, week, today } = item.payload;
    const cycle = await getCycle(ctx.store, cycleId);
    if (!cycle) return 'skipped';
    const since = await lastRollupAt(ctx.store);
    const data = await rollupData(ctx.store, ctx.config, cycle, today, since);
    const { summary, detail } = rollupMessages(await channelReader(engine), data, week);
    const ref = await ctx.port.send(item.to, summary);
    await ctx.port.send(item.to, detail, { thread: ref });
    await rememberRollupAt(ctx.store, ctx.clock.now().toISOString());
    return 'sent';
  };
}

/** Posts the weekly digest with its picture, and keeps the week's numbers for next week. */
function deliverDigest(engine: CheckInEngine) {
  return async (item: ItemOf<'digest'>): Promise<'sent' | 'skipped'> => {
    const ctx = engine.context;
    const { cycle: cycleId, week, today } = item.payload;
    const cycle = await getCycle(ctx.store, cycleId);
    if (!cycle) return 'skipped';
    const ids = (await cycleIndex(ctx.store)).ids;
    const previousId = ids[ids.indexOf(cycle.id) - 1];
    const previous = previousId ? await getCycle(ctx.store, previousId) : undefined;
    // "This week" in a digest is the seven days before it.
    const weekStart = addDays(today, -7);
    const data = await digestData(
      ctx.store,
      cycle,
      previous,
      await allItems(ctx.store),
      today,
      week,
      isoWeek(addDays(today, -7)),
      weekStart,
    );
    const v = await channelReader(engine);
    await ctx.port.send(
      item.to,
      digestMessage(
        v,
        data,
        ctx.config.organization.name,
        week,
        formatDate(today, v.language),
        ctx.config.reports.heatmap,
      ),
    );
    await saveSnapshot(ctx.store, data.now);
    return 'sent';
  };
}
