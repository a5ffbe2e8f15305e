import type { WebClient } from '@slack/web-api';
import type { Logger } from '../shared/logger.ts';

const ttlMs = 60 * 60 * 1000;

/** What Slack tells about a person: their locale, and the name Slack shows for them. */
export interface SlackProfile {
  locale?: string;
  name?: string;
}

/**
 * Each person's Slack profile (users.info with include_locale), remembered
 * for an hour: one call gives both the language and the name to show.
 */
export function slackProfiles(client: WebClient, logger: Logger) {
  const known = new Map<string, { profile: SlackProfile; at: number }>();
  return async (user: string): Promise<SlackProfile> => {
    const cached = known.get(user);
    if (cached && Date.now() - cached.at < ttlMs) return cached.profile;
    try {
      const info = await client.users.info({ user, include_locale: true });
      const locale = info.user?.locale;
      // The name people chose to be shown by, else their full name (as Slack itself shows them).
      const name = info.user?.profile?.display_name || info.user?.real_name || undefined;
      const profile = { ...(locale ? { locale } : {}), ...(name ? { name } : {}) };
      known.set(user, { profile, at: Date.now() });
      return profile;
    } catch (error) {
      logger.warn({ err: error, user }, 'could not read the Slack profile');
      return {};
    }
  };
}
