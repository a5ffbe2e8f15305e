import { formatWeekdayDate } from '../../i18n/format.ts';
import { updatePersonState } from '../../people/preferences.ts';
import type { EngineContext } from '../context.ts';
import { tell } from './shared.ts';

/** The Monday after a local date 'YYYY-MM-DD'. */
export function nextMonday(today: string): string {
  const date = new Date(`${today}T12:00:00Z`);
  const days = (8 - date.getUTCDay()) % 7 || 7;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "Remind me next week": no check-ins until next Monday. */
export async function remindLater(ctx: EngineContext, person: string): Promise<void> {
  const until = nextMonday(ctx.localDate(ctx.clock.now()));
  await updatePersonState(ctx.store, person, (state) => ({ ...state, snoozedUntil: until }));
  const language = await ctx.languageOf(person);
  await tell(ctx, person, 'remindLater.done', { date: formatWeekdayDate(until, language) });
}
