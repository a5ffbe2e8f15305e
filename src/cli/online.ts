import type { OrganizationConfig } from '../config/schema.ts';
import type { parseEnvironment } from '../env.ts';
import { configuredPeople } from '../people/configured.ts';
import type { PersonFinders } from '../people/email-resolver.ts';
import { createPlatformMemoryRepository } from '../people/platform-memory-repository.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';
import { slackSettings } from '../slack/settings.ts';
import { openStore } from '../store/open.ts';
import { teamsSettings } from '../teams/settings.ts';
import type { OnlinePlatforms } from './io.ts';

/**
 * The platforms whose credentials are in the environment, as `tasa start`
 * would connect them: Slack by its bot token; Teams by its registration and
 * the store, where Tasa keeps the teams it was added to (their rosters are
 * where people are found by e-mail). Their SDKs load only when used.
 */
export async function onlinePlatforms(
  env: ReturnType<typeof parseEnvironment>,
  config: OrganizationConfig,
): Promise<OnlinePlatforms> {
  const finders: PersonFinders = {};
  const closing: (() => Promise<void>)[] = [];
  const slack = slackSettings(env);
  if (slack) {
    const { WebClient } = await import('@slack/web-api');
    const { slackPort } = await import('../slack/port.ts');
    const client = new WebClient(slack.botToken, slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {});
    finders.slack = slackPort(client);
  }
  const teams = teamsSettings(env);
  if (teams) {
    const { createTeamsAdapter } = await import('../teams/adapter.ts');
    const store = openStore({
      url: env.TASA_STORE_URL,
      dataDir: env.TASA_DATA_DIR,
      namespace: config.organization.id,
      clock: systemClock,
    });
    closing.push(() => store.close());
    finders.teams = createTeamsAdapter(teams, {
      memory: createPlatformMemoryRepository(store, 'teams'),
      logger: createLogger(env.LOG_LEVEL),
      people: configuredPeople(config, 'teams'),
      channels: [config.channels.coordination.teams, config.channels.steering?.teams].filter(
        (id): id is string => id !== undefined,
      ),
    }).port;
  }
  return {
    finders,
    now: () => systemClock.now(),
    close: async () => {
      for (const close of closing) await close();
    },
  };
}
