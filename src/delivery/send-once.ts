import { createHash } from 'node:crypto';
import type { Logger } from '../shared/logger.ts';
import type { PortHooks } from './decorate.ts';
import type { DeliveryScope } from './scope.ts';

/**
 * The key of the n-th message of a delivery. A delivery re-run after a crash
 * makes the same sends in the same order (it re-derives them from the stored
 * state, and records its own progress only after sending), so the n-th send of
 * the re-run is the n-th of the attempt that died. Hashed, so that no person or
 * cycle id is readable in what the platform keeps with the message.
 */
export function deliveryKey(id: string, n: number): string {
  return createHash('sha256').update(`${id}#${n}`).digest('base64url').slice(0, 22);
}

/**
 * Makes recorded messages reach a person once even when the replica sending
 * them died after the platform had one: every send inside a delivery carries
 * its key, and when an earlier attempt may have sent it, the platform is asked
 * first. Platforms that cannot read back (Teams) get it again: at least once.
 * Placed outermost, so that a send retried after a rate limit is still one send.
 */
export function sendOnce(scope: DeliveryScope, logger: Logger): PortHooks {
  return {
    send: (next, inner) => async (to, message, options) => {
      const attempt = scope.current();
      if (!attempt) return next(to, message, options);
      attempt.sends++;
      const key = deliveryKey(attempt.id, attempt.sends);
      if (attempt.earlierAttemptAt) {
        try {
          const found = await inner.findSent(to, key, attempt.earlierAttemptAt, options);
          if (found) {
            logger.info(
              { item: attempt.id, send: attempt.sends, platform: to.platform },
              'message had reached the platform before a restart; not sent again',
            );
            return found;
          }
        } catch (error) {
          // Better twice than never: the person would otherwise miss it.
          logger.warn(
            { err: error, item: attempt.id, platform: to.platform },
            'could not check whether a message was already delivered; sending it',
          );
        }
      }
      return next(to, message, { ...options, key });
    },
  };
}
