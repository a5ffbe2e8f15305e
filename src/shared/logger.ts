import { pino, type DestinationStream } from 'pino';
import { serializeError } from './log-error.ts';

/** The logging port: pino satisfies it, tests use `memoryLogger`. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Credentials, anywhere near the top of a log line. */
const secrets = ['token', 'secret', 'password', 'authorization', 'cookie', 'appPassword'];
/** What people wrote (answers, notes, form values) and whole payloads that may hold it. */
const content = ['text', 'explanation', 'note', 'values', 'payload', 'body', 'blocks'];
/** Parts of an HTTP exchange that carry both; the error serializer drops them too. */
const exchange = ['headers', 'data', 'config', 'request', 'response'];

/**
 * Keys whose values must never reach a log line, at the top level and one
 * level down (`{ err: { data } }`, `{ request: { headers } }`). Deeper nesting
 * is the error serializer's job; the rest of Tasa logs flat ids and counts.
 */
const redactedPaths = [
  ...[...secrets, ...content].flatMap((key) => [key, `*.${key}`]),
  ...exchange.map((key) => `*.${key}`),
  '*.url',
  '*.headers.authorization',
];

/** JSON lines on stdout, or on `destination` (tests read it back). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'tasa' },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination,
  );
}

export interface LogLine {
  level: Exclude<LogLevel, 'silent'>;
  fields: object;
  message: string;
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
