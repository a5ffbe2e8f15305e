import type { Actor } from '../chat/actor.ts';
import type { InboundPort } from '../inbound/port.ts';
import type { Logger } from '../shared/logger.ts';
import type { SlackProfile } from './locale.ts';

/** What the Slack listeners need: the core's way in, and the adapter's own parts. */
export interface SlackDeps {
  inbound: InboundPort;
  logger: Logger;
  /** A person's Slack profile, for their language and name. */
  profileOf(user: string): Promise<SlackProfile>;
}

/**
 * The person behind a Slack payload, with the locale and name Slack reports
 * for them; `sent` is the name the payload itself carried, used when the
 * profile has none.
 */
export async function slackActor(deps: SlackDeps, user: string, sent?: string): Promise<Actor> {
  const { locale, name = sent } = await deps.profileOf(user);
  return { platform: 'slack', id: user, ...(locale ? { locale } : {}), ...(name ? { name } : {}) };
}
