import type { Platform } from '../chat/address.ts';
import { RateLimitedError, UnreachableError } from '../chat/port.ts';
import type { MetricsSink, SendFailure } from '../metrics/sink.ts';
import type { PortHooks } from './decorate.ts';

function failureOf(error: unknown): SendFailure {
  if (error instanceof UnreachableError) return 'unreachable';
  if (error instanceof RateLimitedError) return 'rate_limited';
  return 'error';
}

/**
 * Counts new messages (sends and file posts) by platform and outcome. Placed
 * outside pacing, so a message counts once, however many retries it took.
 */
export function counting(metrics: MetricsSink): PortHooks {
  async function counted<T>(platform: Platform, send: () => Promise<T>): Promise<T> {
    try {
      const result = await send();
      metrics.messageSent(platform);
      return result;
    } catch (error) {
      metrics.messageFailed(platform, failureOf(error));
      throw error;
    }
  }
  return {
    send: (next) => (to, message, options) =>
      counted(to.platform, () => next(to, message, options)),
    sendFiles: (next) => (to, files, comment) =>
      counted(to.platform, () => next(to, files, comment)),
  };
}
