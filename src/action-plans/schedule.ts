import { UnreachableError } from '../chat/port.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import type { Deliverers } from '../outbox/items.ts';
import type { Directory } from '../people/directory.ts';
import { fanOut, mayAskToday, type FanOutDeps } from '../people/fan-out.ts';
import { updatePersonState } from '../people/preferences.ts';
import { unreachablePeople } from '../people/reachability.ts';
import { reportUnreachable } from '../checkins/report-unreachable.ts';
import type { Job } from '../scheduler/scheduler.ts';
import { planReader, planReaderIn } from './reader.ts';
import { escalationMessage, reminderMessage } from './messages.ts';
import { itemsToEscalate, remindersByOwner } from './reminders.ts';
import { allItems, getItem, updateItem } from './repository.ts';

export interface ReminderJobDeps extends FanOutDeps {
  directory: Directory;
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
      // Undefined on a day off: neither reminders nor escalations then.
      const reminded = await fanOut(deps, {
        what: 'reminders',
        day,
        batch: `reminders:${slot.id}`,
        asking: 'reminder',
        people: async () =>
          remindersByOwner(
            await allItems(deps.store),
            day,
            config.actionPlans.remindDaysBefore,
          ).keys(),
        itemFor: async (owner) => {
          const to = deps.directory.addressOf(owner);
          if (!to) {
            await reportUnreachable(deps.engine, owner, 'no platform');
            return undefined;
          }
          return { key: owner, kind: 'actionReminder', to, payload: { owner, day } };
        },
      });
      if (reminded === undefined) return;

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
        { key: 'coordination', kind: 'actionEscalation', to: channel, payload: { ids, day } },
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

/** An owner's grouped reminder and the coordination channel's escalation, worked out afresh at send time. */
export function actionPlanDeliverers(
  engine: CheckInEngine,
): Pick<Deliverers, 'actionReminder' | 'actionEscalation'> {
  const ctx = engine.context;
  return {
    async actionReminder({ payload: { owner, day } }) {
      if (!(await mayAskToday(ctx.store, owner, day, 'reminder'))) return 'skipped';
      const lines =
        remindersByOwner(
          await allItems(ctx.store),
          day,
          ctx.config.actionPlans.remindDaysBefore,
        ).get(owner) ?? [];
      if (lines.length === 0) return 'skipped';
      await ctx.naming.lookUp(lines.flatMap((line) => line.item.owners));
      try {
        await ctx.sendTo(owner, reminderMessage(await planReader(ctx, owner), lines));
      } catch (error) {
        if (error instanceof UnreachableError) await reportUnreachable(engine, owner, error.reason);
        throw error;
      }
      await updatePersonState(ctx.store, owner, (s) => ({ ...s, lastRemindedOn: day }));
      return 'sent';
    },

    // In the organisation's language: a channel has no person's language.
    async actionEscalation({ to, payload: { ids, day } }) {
      const items = (await Promise.all(ids.map((id) => getItem(ctx.store, id)))).filter(
        (i) => i !== undefined,
      );
      const unreachable = new Set((await unreachablePeople(ctx.store)).map((u) => u.person));
      const lines = itemsToEscalate(
        items.map((i) => ({ ...i, escalatedAt: undefined })),
        day,
        { afterDaysOverdue: 0, daysBefore: ctx.config.actionPlans.remindDaysBefore, unreachable },
      );
      if (lines.length === 0) return 'skipped';
      await ctx.naming.lookUp(lines.flatMap((line) => line.item.owners));
      const reader = await planReaderIn(ctx, ctx.config.organization.locale);
      await ctx.port.send(to, escalationMessage(reader, lines, unreachable));
      return 'sent';
    },
  };
}
