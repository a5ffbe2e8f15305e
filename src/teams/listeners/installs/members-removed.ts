import type { TeamsApplication } from '../../agent.ts';
import type { TeamsDeps } from '../../deps.ts';
import { includesBot } from '../selectors.ts';
import { personalAppRemoved } from './removed.ts';

/** Tasa was removed from a conversation. */
export function registerMembersRemoved(app: TeamsApplication, deps: TeamsDeps): void {
  app.onConversationUpdate('membersRemoved', async (context) => {
    const activity = context.activity;
    if (!includesBot(activity.membersRemoved, activity)) return;
    deps.later('teams uninstall', () => personalAppRemoved(deps, activity));
  });
}
