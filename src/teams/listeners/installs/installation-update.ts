import type { TeamsApplication } from '../../agent.ts';
import { deliveryId, type TeamsDeps } from '../../deps.ts';
import { rememberSender } from '../../sender.ts';
import { personalAppRemoved } from './removed.ts';

/**
 * The app was installed, upgraded or removed (personal scope, a team or a
 * group chat). Teams sends this besides the conversation update; both only
 * store what they learn, so either may come first.
 */
export function registerInstallationUpdate(app: TeamsApplication, deps: TeamsDeps): void {
  app.onActivity('installationUpdate', async (context) => {
    const activity = context.activity;
    const action = String((activity as { action?: unknown }).action ?? '');
    deps.later('teams installation update', async () => {
      if (action.startsWith('remove')) {
        await personalAppRemoved(deps, activity);
        return;
      }
      const sender = await rememberSender(deps, activity);
      if (!sender) return;
      // The conversation update that comes with it greets; this one only tells the core.
      await deps.inbound.receive({
        kind: 'installed',
        actor: sender.actor,
        greet: false,
        delivery: deliveryId(activity),
      });
    });
  });
}
