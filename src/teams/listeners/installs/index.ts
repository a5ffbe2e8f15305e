import type { TeamsApplication } from '../../agent.ts';
import type { TeamsDeps } from '../../deps.ts';
import { registerInstallationUpdate } from './installation-update.ts';
import { registerMembersAdded } from './members-added.ts';
import { registerMembersRemoved } from './members-removed.ts';

export function register(app: TeamsApplication, deps: TeamsDeps): void {
  registerMembersAdded(app, deps);
  registerMembersRemoved(app, deps);
  registerInstallationUpdate(app, deps);
}
