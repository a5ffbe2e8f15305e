import type { WebClient } from '@slack/web-api';
import type { Logger } from '../shared/logger.ts';

const ttlMs = 60 * 60 * 1000;

/** Each person's Slack locale (users.info with include_locale), remembered for an hour. */
export function slackLocales(client: WebClient, logger: Logger) {
  const known = new Map<string, { locale: string | undefined; at: number }>();
  return async (user: string): Promise<string | undefined> => {
    const cached = known.get(user);
    if (cached && Date.now() - cached.at < ttlMs) return cached.locale;
    try {
      const info = await client.users.info({ user, include_locale: true });
      const locale = info.user?.locale;
      known.set(user, { locale, at: Date.now() });
      return locale;
    } catch (error) {
      logger.warn({ err: error, user }, 'could not read the Slack locale');
      return undefined;
    }
  };
}
