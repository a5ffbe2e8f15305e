import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { registerTasaCommand } from './tasa.ts';

export function register(app: App, deps: SlackDeps): void {
  registerTasaCommand(app, deps);
}
