import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { registerTasaButton } from './tasa-button.ts';

export function register(app: App, deps: SlackDeps): void {
  registerTasaButton(app, deps);
}
