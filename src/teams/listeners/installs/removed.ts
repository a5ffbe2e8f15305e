import type { Activity } from '@microsoft/agents-activity';
import { reportUnreachable } from '../../../people/report-unreachable.ts';
import type { TeamsDeps } from '../../deps.ts';

/**
 * The app was removed from someone's personal scope: the personal chat is
 * forgotten, and a configured person is reported to the coordinators at once
 * rather than at the next check-in.
 */
export async function personalAppRemoved(deps: TeamsDeps, activity: Activity): Promise<void> {
  const from = activity.from;
  if (activity.conversation?.conversationType !== 'personal' || !from?.id) return;
  const id = await deps.people.resolve(from, async () => undefined);
  await deps.book.forget(id);
  const engine = deps.core.engine;
  const person = engine.context.directory.canonicalKey({ platform: 'teams', id });
  const { directory } = engine.context;
  if (directory.isCoordinator(person) || directory.departmentsOf(person).length > 0)
    await reportUnreachable(engine, person, 'app removed');
}
