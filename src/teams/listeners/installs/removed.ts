import type { Activity } from '@microsoft/agents-activity';
import type { TeamsDeps } from '../../deps.ts';

/**
 * The app was removed from someone's personal scope: the personal chat is
 * forgotten, and the core hears of it (a configured person is reported to the
 * coordinators at once rather than at the next check-in).
 */
export async function personalAppRemoved(deps: TeamsDeps, activity: Activity): Promise<void> {
  const from = activity.from;
  if (activity.conversation?.conversationType !== 'personal' || !from?.id) return;
  const id = await deps.people.resolve(from, async () => undefined);
  await deps.book.forget(id);
  await deps.inbound.receive({ kind: 'removed', actor: { platform: 'teams', id } });
}
