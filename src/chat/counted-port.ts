import type { MetricsSink, SendFailure } from '../metrics/sink.ts';
import type { Platform } from './address.ts';
import { RateLimitedError, UnreachableError, type ChatPort } from './port.ts';

function failureOf(error: unknown): SendFailure {
  if (error instanceof UnreachableError) return 'unreachable';
  if (error instanceof RateLimitedError) return 'rate_limited';
  return 'error';
}

/**
 * Counts new messages (sends and file posts) by platform and outcome. It wraps
 * the paced port, so a message counts once, however many retries it took.
 */
export function countedPort(port: ChatPort, metrics: MetricsSink): ChatPort {
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
  const sendFiles = port.sendFiles?.bind(port);
  return {
    send: (to, message, options) => counted(to.platform, () => port.send(to, message, options)),
    ...(sendFiles
      ? {
          sendFiles: (to, files, comment) =>
            counted(to.platform, () => sendFiles(to, files, comment)),
        }
      : {}),
    update: (ref, message) => port.update(ref, message),
    openForm: (to, trigger, form) => port.openForm(to, trigger, form),
    personLocale: async (to) => port.personLocale?.(to),
    findSent: async (to, key, since, options) => port.findSent?.(to, key, since, options),
  };
}
