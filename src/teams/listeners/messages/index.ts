import type { TeamsApplication } from '../../agent.ts';
import type { TeamsDeps } from '../../deps.ts';
import { registerCardAction } from './card-action.ts';
import { registerCardForm } from './card-form.ts';
import { registerCommand } from './command.ts';

export function register(app: TeamsApplication, deps: TeamsDeps): void {
  registerCardForm(app, deps);
  registerCardAction(app, deps);
  registerCommand(app, deps);
}
