import { RateLimitedError, UnreachableError } from '../chat/port.ts';

/** How the Teams client retries an overloaded Bot Connector. */
export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first backoff when Teams gives no Retry-After; doubled each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep(ms: number): Promise<void>;
  /** 0 ≤ random() < 1; injected so tests can pin the jitter. */
  random(): number;
  /** Told of each wait on a 429, for the rate-limit metrics. */
  onRateLimitWait?(ms: number): void;
}

export const defaultRetryOptions: RetryOptions = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Teams' documented "try again" answers: throttled, precondition failed, gateway trouble. */
const retryable = new Set([412, 429, 502, 503, 504]);

/** What the SDK's HttpError carries (duck-typed, so other clients' errors read the same). */
interface HttpFailure {
  status: number;
  response?: { data?: unknown; headers?: { get(name: string): string | null } };
}

function httpFailure(error: unknown): HttpFailure | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? (error as HttpFailure) : undefined;
}

/** The Bot Connector's error code, e.g. BotNotInConversationRoster. */
export function errorCode(error: unknown): string | undefined {
  const data = httpFailure(error)?.response?.data as { error?: { code?: unknown } } | undefined;
  return typeof data?.error?.code === 'string' ? data.error.code : undefined;
}

export const statusOf = (error: unknown): number | undefined => httpFailure(error)?.status;

/** Retry-After in milliseconds, as seconds or as an HTTP date. */
function retryAfterMs(error: unknown, now: number): number | undefined {
  const header = httpFailure(error)?.response?.headers?.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One call to the Bot Connector. A person or channel Teams will not let Tasa
 * write to (403, e.g. BotNotInConversationRoster; 404 ConversationNotFound)
 * becomes UnreachableError, so the person is reported rather than retried
 * forever. Overload answers are retried with exponential backoff and jitter,
 * as long as Retry-After says when given; after the last try RateLimitedError
 * tells the caller (the paced port, the outbox) to keep the work for later.
 */
export async function teamsCall<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) {
        throw new UnreachableError(
          errorCode(error) ?? (status === 403 ? 'Forbidden' : 'ConversationNotFound'),
        );
      }
      if (status === undefined || !retryable.has(status)) throw error;
      const asked = retryAfterMs(error, Date.now());
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      if (attempt >= options.attempts) {
        throw new RateLimitedError(asked ?? backoff, `teams answered ${status}`);
      }
      // Jitter keeps replicas (and conversations) from retrying in lockstep.
      const wait =
        asked !== undefined
          ? asked + Math.floor(options.random() * 250)
          : Math.floor(backoff / 2 + (options.random() * backoff) / 2);
      if (status === 429) options.onRateLimitWait?.(wait);
      await options.sleep(wait);
    }
  }
}
