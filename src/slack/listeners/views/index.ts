import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { registerTasaForm } from './tasa-form.ts';

export function register(app: App, deps: SlackDeps): void {
  registerTasaForm(app, deps);
}
