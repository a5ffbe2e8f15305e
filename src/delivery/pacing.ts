import type { Address, Platform } from '../chat/address.ts';
import { RateLimitedError } from '../chat/port.ts';
import type { Logger } from '../shared/logger.ts';
import type { PortHooks } from './decorate.ts';

export interface Pace {
  /** Least time between two messages to one conversation. */
  perConversationMs: number;
  /** Messages per second across the whole workspace or tenant. */
  perSecond: number;
}

/**
 * Platform limits: Slack allows about one message per second per channel;
 * Teams seven per second per conversation and 50 requests a second per tenant.
 */
export const platformPace: Record<Platform, Pace> = {
  // 5 % under Slack's limit: at exactly the limit, arrival jitter earns a 429 in every ten messages.
  slack: { perConversationMs: 1_000, perSecond: 9.5 },
  // A ceiling only: the Teams adapter keeps Teams' exact windows (50 calls a second per tenant
  // and more) for every call it makes, the opening of personal chats included, which this pace
  // cannot see (src/teams/limits.ts); spacing sends evenly here as well would only slow them.
  teams: { perConversationMs: 1_000 / 7, perSecond: 100 },
};

export interface PacingOptions {
  pace?: Record<Platform, Pace>;
  /** Injected so tests need not wait. */
  sleep(ms: number): Promise<void>;
  now(): number;
  logger: Logger;
  /** Retries after a rate-limit answer before giving up. */
  maxRetries?: number;
  onRateLimitWait?(platform: Platform, ms: number): void;
}

/**
 * Keeps every new message and update to the platform's pace and honours
 * Retry-After. Forms answer a click, and reading back is rare (only after a
 * crash) and not a message: neither is paced.
 */
export function pacing(options: PacingOptions): PortHooks {
  const pace = options.pace ?? platformPace;
  const nextPerConversation = new Map<string, number>();
  const nextGlobal = new Map<Platform, number>();
  const maxRetries = options.maxRetries ?? 5;

  async function slot(platform: Platform, conversation: string): Promise<void> {
    const now = options.now();
    const conversationAt = nextPerConversation.get(conversation) ?? now;
    const globalAt = nextGlobal.get(platform) ?? now;
    const at = Math.max(now, conversationAt, globalAt);
    // Reserve the slot before waiting, so concurrent sends queue up behind it.
    nextPerConversation.set(conversation, at + pace[platform].perConversationMs);
    nextGlobal.set(platform, at + 1000 / pace[platform].perSecond);
    if (at > now) await options.sleep(at - now);
  }

  async function withRetries<T>(
    platform: Platform,
    conversation: string,
    send: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await slot(platform, conversation);
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof RateLimitedError) || attempt >= maxRetries) throw error;
        // Jitter keeps replicas from retrying in lockstep.
        const wait = error.retryAfterMs + Math.floor(Math.random() * 250);
        options.logger.warn(
          { platform, wait, attempt },
          'rate limited; waiting as the platform asked',
        );
        options.onRateLimitWait?.(platform, wait);
        nextPerConversation.set(conversation, options.now() + wait);
        await options.sleep(wait);
      }
    }
  }

  const conversationOf = (to: Address): string => `${to.platform}:${to.kind}:${to.id}`;
  return {
    send: (next) => (to, message, sendOptions) =>
      withRetries(to.platform, conversationOf(to), () => next(to, message, sendOptions)),
    sendFiles: (next) => (to, files, comment) =>
      withRetries(to.platform, conversationOf(to), () => next(to, files, comment)),
    update: (next) => (ref, message) =>
      withRetries(ref.address.platform, `${ref.address.platform}:${ref.conversation}`, () =>
        next(ref, message),
      ),
  };
}
