import { createHash } from 'node:crypto';
import type { Logger } from '../shared/logger.ts';
import type { ChatPort } from './port.ts';

/** One attempt at delivering a recorded message (an outbox item), as the sends inside it see it. */
export interface DeliveryAttempt {
  /** The outbox item's id: stable across attempts and replicas. */
  readonly id: string;
  /** When an earlier attempt began, if there was one: it may have reached the platform. */
  readonly earlierAttemptAt?: Date;
  /** Sends made so far in this attempt. */
  sends: number;
}

/** Tells a send which delivery attempt, if any, it is part of. */
export interface DeliveryScope {
  current(): DeliveryAttempt | undefined;
}

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
 */
export function sendOncePort(port: ChatPort, scope: DeliveryScope, logger: Logger): ChatPort {
  return {
    ...port,
    send: async (to, message, options) => {
      const attempt = scope.current();
      if (!attempt) return port.send(to, message, options);
      attempt.sends++;
      const key = deliveryKey(attempt.id, attempt.sends);
      if (attempt.earlierAttemptAt && port.findSent) {
        try {
          const found = await port.findSent(to, key, attempt.earlierAttemptAt, options);
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
      return port.send(to, message, { ...options, key });
    },
  };
}
