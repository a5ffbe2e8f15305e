import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../shared/logger.ts';

/**
 * Bolt, its WebClient and the Socket Mode client log whole payloads at debug
 * level: every incoming request (`JSON.stringify(body)`, with form values and
 * answers), `http request body:` of every post (message texts), ack bodies,
 * API results, WebSocket messages. Those are free text, so no redaction path
 * can reach into them; such lines are dropped.
 */
const payloadDump =
  /\b(body|result|headers|payload|storedResponse|data)\b|on the WebSocket|^\s*[[{]/i;

/** Bolt logs through Tasa's logger, without the payloads it prints when debugging. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line =
    (write: (fields: object, message: string) => void, filter: boolean) =>
    (...messages: unknown[]) => {
      const message = messages.map(String).join(' ');
      if (filter && payloadDump.test(message)) return;
      write({ source: 'bolt' }, message);
    };
  return {
    debug: line((f, m) => logger.debug(f, m), true),
    info: line((f, m) => logger.info(f, m), false),
    warn: line((f, m) => logger.warn(f, m), false),
    error: line((f, m) => logger.error(f, m), false),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
