import { pino } from 'pino';

/** The logging port: pino satisfies it, tests use `memoryLogger`. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Keys whose values must never reach a log line. */
const redactedPaths = ['token', 'secret', 'password', '*.token', '*.secret', '*.password', '*.url'];

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { app: 'tasa' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
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
