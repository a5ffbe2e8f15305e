import type { MessageRef } from '../../chat/port.ts';
import { formatWeekdayDate } from '../../i18n/format.ts';
import { updatePersonState } from '../../people/preferences.ts';
import type { EngineContext } from '../context.ts';
import { resolveTarget } from '../flow.ts';
import { introClosedMessage } from '../messages.ts';
import { showClosed } from '../prompts.ts';
import { tell } from './shared.ts';

/** The Monday after a local date 'YYYY-MM-DD'. */
export function nextMonday(today: string): string {
  const date = new Date(`${today}T12:00:00Z`);
  const days = (8 - date.getUTCDay()) % 7 || 7;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const sameMessage = (a: MessageRef, b: MessageRef): boolean =>
  a.conversation === b.conversation && a.id === b.id;

/**
 * "Remind me next week": no check-ins until next Monday. The intro it was
 * pressed on says so and loses its buttons; it leaves the person's open
 * prompts, so the check-in on Monday sends a fresh one.
 */
export async function remindLater(
  ctx: EngineContext,
  person: string,
  where: { cycle: string; department: string; keyFactor: string },
  pressedOn?: MessageRef,
): Promise<void> {
  const until = nextMonday(ctx.localDate(ctx.clock.now()));
  await updatePersonState(ctx.store, person, (state) => ({ ...state, snoozedUntil: until }));
  const target = await resolveTarget(ctx, where);
  if (target.ok && target.keyFactor) {
    const { cycle, department, keyFactor } = target;
    const book = await ctx.prompts.bookOf(cycle.id, person);
    const taken = book.take(department, [`${keyFactor.id}:intro`]);
    await book.save();
    const pressed =
      pressedOn && !taken.some(({ prompt }) => sameMessage(prompt.ref, pressedOn))
        ? [{ key: `${keyFactor.id}:intro`, prompt: { person, ref: pressedOn } }]
        : [];
    await showClosed(ctx, cycle, department, [...taken, ...pressed], (v) =>
      introClosedMessage(
        v,
        department,
        keyFactor,
        v.t('checkins:remindLater.closed', { date: formatWeekdayDate(until, v.language) }),
      ),
    );
  }
  const language = await ctx.languageOf(person);
  await tell(ctx, person, 'remindLater.done', { date: formatWeekdayDate(until, language) });
}
