import { planView } from '../action-plans/handlers.ts';
import { escalationMessage, reminderMessage } from '../action-plans/messages.ts';
import { itemsToEscalate, remindersByOwner } from '../action-plans/reminders.ts';
import { allItems, getItem, updateItem } from '../action-plans/repository.ts';
import { UnreachableError } from '../chat/port.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import { translatorFor } from '../i18n/create.ts';
import type { OutboxItem } from '../outbox/outbox.ts';
import { isResting, personState, updatePersonState } from '../people/preferences.ts';
import { unreachablePeople } from '../people/reachability.ts';
import { reportUnreachable } from '../people/report-unreachable.ts';
import type { Job } from '../scheduler/scheduler.ts';
import type { CheckInJobDeps } from './check-ins.ts';

export interface ReminderJobDeps extends CheckInJobDeps {
  engine: CheckInEngine;
}

/**
 * The reminders job: each owner gets one grouped message a day at most, on
 * working days, never while away; items nobody acts on are escalated once, in
 * one message per run, to the coordination channel.
 */
export function remindersJob(deps: ReminderJobDeps, cron: string): Job {
  const { config } = deps.engine.context;
  return {
    name: 'reminders',
    cron,
    async run(slot) {
      const day = slot.id.slice(0, 10);
      if (!deps.calendar.isWorkingDay(day)) {
        deps.logger.info(
          { day, holiday: deps.calendar.holidayName(day) },
          'no reminders on a day off',
        );
        return;
      }
      const items = await allItems(deps.store);
      const byOwner = remindersByOwner(items, day, config.actionPlans.remindDaysBefore);
      const outgoing = [];
      for (const owner of byOwner.keys()) {
        const state = await personState(deps.store, owner);
        if (isResting(state, day) || state.lastRemindedOn === day) continue;
        const to = deps.directory.addressOf(owner);
        if (!to) {
          await reportUnreachable(deps.engine, owner, 'no platform');
          continue;
        }
        outgoing.push({ key: owner, kind: 'actionReminder', to, payload: { owner, day } });
      }
      await deps.outbox.enqueue(`reminders:${slot.id}`, outgoing);
      await deps.outbox.drain();

      // After the reminders, so an owner found unreachable just now is escalated at once.
      const unreachable = new Set((await unreachablePeople(deps.store)).map((u) => u.person));
      const escalate = itemsToEscalate(await allItems(deps.store), day, {
        afterDaysOverdue: config.actionPlans.escalateAfterDaysOverdue,
        daysBefore: config.actionPlans.remindDaysBefore,
        unreachable,
      });
      const channel = deps.directory.channelAddress(config.channels.coordination);
      if (escalate.length === 0 || !channel) return;
      const ids = escalate.map((line) => line.item.id);
      await deps.outbox.enqueue(`escalation:${slot.id}`, [
        {
          key: 'coordination',
          kind: 'actionEscalation',
          to: channel,
          payload: { ids: ids.join(','), day },
        },
      ]);
      const at = deps.engine.context.clock.now().toISOString();
      for (const id of ids)
        await updateItem(deps.store, id, (item) =>
          item.escalatedAt ? undefined : { ...item, escalatedAt: at },
        );
      await deps.outbox.drain();
    },
  };
}

/** Sends an owner's grouped reminder, worked out afresh at send time. */
export function deliverReminderItem(deps: { engine: CheckInEngine }) {
  return async (item: OutboxItem): Promise<'sent' | 'skipped'> => {
    const ctx = deps.engine.context;
    const { owner = '', day = '' } = item.payload;
    const state = await personState(ctx.store, owner);
    if (isResting(state, day) || state.lastRemindedOn === day) return 'skipped';
    const lines =
      remindersByOwner(await allItems(ctx.store), day, ctx.config.actionPlans.remindDaysBefore).get(
        owner,
      ) ?? [];
    if (lines.length === 0) return 'skipped';
    try {
      await ctx.sendTo(owner, reminderMessage(await planView(ctx, owner), lines));
    } catch (error) {
      if (error instanceof UnreachableError)
        await reportUnreachable(deps.engine, owner, error.reason);
      throw error;
    }
    await updatePersonState(ctx.store, owner, (s) => ({ ...s, lastRemindedOn: day }));
    return 'sent';
  };
}

/** Posts the grouped escalation to the coordination channel, in the organisation's language. */
export function deliverEscalationItem(deps: { engine: CheckInEngine }) {
  return async (item: OutboxItem): Promise<'sent' | 'skipped'> => {
    const ctx = deps.engine.context;
    const { ids = '', day = '' } = item.payload;
    const items = (await Promise.all(ids.split(',').map((id) => getItem(ctx.store, id)))).filter(
      (i) => i !== undefined,
    );
    const unreachable = new Set((await unreachablePeople(ctx.store)).map((u) => u.person));
    const lines = itemsToEscalate(
      items.map((i) => ({ ...i, escalatedAt: undefined })),
      day,
      { afterDaysOverdue: 0, daysBefore: ctx.config.actionPlans.remindDaysBefore, unreachable },
    );
    if (lines.length === 0) return 'skipped';
    const language = ctx.config.organization.locale;
    const view = {
      ...(await planView(ctx, 'channel:coordination')),
      t: translatorFor(ctx.i18n, language),
      language,
    };
    await ctx.port.send(item.to, escalationMessage(view, lines, unreachable));
    return 'sent';
  };
}
