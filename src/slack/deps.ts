import type { Actor } from '../chat/actor.ts';
import type { InboundPort } from '../inbound/port.ts';
import type { Logger } from '../shared/logger.ts';

/** What the Slack listeners need: the core's way in, and the adapter's own parts. */
export interface SlackDeps {
  inbound: InboundPort;
  logger: Logger;
  /** A person's Slack locale, for their language. */
  localeOf(user: string): Promise<string | undefined>;
}

/** The person behind a Slack payload, with the locale Slack reports for them. */
export async function slackActor(deps: SlackDeps, user: string): Promise<Actor> {
  const locale = await deps.localeOf(user);
  return { platform: 'slack', id: user, ...(locale ? { locale } : {}) };
}
