import type { TeamsApplication } from '../../agent.ts';
import type { TeamsDeps } from '../../deps.ts';
import { registerCardExecute } from './card-execute.ts';
import { registerDialogs } from './dialog.ts';

export function register(app: TeamsApplication, deps: TeamsDeps): void {
  registerCardExecute(app, deps);
  registerDialogs(app, deps);
}
