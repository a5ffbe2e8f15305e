import type { MessageView } from '../chat/views.ts';
import type { Who } from '../checkins/context.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import { reportUnreachable } from '../checkins/report-unreachable.ts';

/** The greeting in a person's own chat when they add Tasa: who Tasa is, and what to ask. */
export function welcome(who: Who, help: MessageView): MessageView {
  const text = who.t('teams:welcome');
  return { text, blocks: [{ type: 'text', text }, ...help.blocks] };
}

/**
 * Tasa was removed from a person's own chat: a configured person is reported
 * to the coordinators at once rather than at the next check-in.
 */
export async function removed(engine: CheckInEngine, person: string): Promise<void> {
  const { directory } = engine.context;
  if (directory.isCoordinator(person) || directory.departmentsOf(person).length > 0)
    await reportUnreachable(engine, person, 'app removed');
}
