import type { TeamsApplication } from '../agent.ts';
import type { TeamsDeps } from '../deps.ts';
import * as installs from './installs/index.ts';
import * as invokes from './invokes/index.ts';
import * as messages from './messages/index.ts';

export function registerListeners(app: TeamsApplication, deps: TeamsDeps): void {
  invokes.register(app, deps);
  messages.register(app, deps);
  installs.register(app, deps);
}
