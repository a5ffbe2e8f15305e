import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { registerAppHomeOpened } from './app-home-opened.ts';
import { registerDirectMessage } from './direct-message.ts';

export function register(app: App, deps: SlackDeps): void {
  registerAppHomeOpened(app, deps);
  registerDirectMessage(app, deps);
}
