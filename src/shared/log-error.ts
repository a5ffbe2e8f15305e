/** What of an error reaches a log line. */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  status?: number;
  stack?: string;
  cause?: LoggedError | string;
}

/** Causes are followed this deep; enough for store → driver → socket. */
const maxDepth = 3;

/**
 * Errors drag their context along: Slack's WebClient errors carry the API's
 * answer (`data`) or an HTTP body and headers; Teams' HTTP errors the request
 * and response; database errors the query's parameters. Any of those can hold
 * a token or a message someone wrote. Only the parts meant for people reading
 * logs are kept: type, message, code, status, stack, and the cause by the same rule.
 */
export function serializeError(value: unknown, depth = 0): LoggedError | string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  const error = value as Partial<Error> & {
    code?: unknown;
    status?: unknown;
    statusCode?: unknown;
    original?: unknown;
  };
  const logged: LoggedError = {
    type: typeof error.name === 'string' ? error.name : (value.constructor?.name ?? 'Object'),
    message: typeof error.message === 'string' ? error.message : '',
  };
  if (typeof error.code === 'string' || typeof error.code === 'number') logged.code = error.code;
  const status = error.status ?? error.statusCode;
  if (typeof status === 'number') logged.status = status;
  if (typeof error.stack === 'string') logged.stack = error.stack;
  // Bolt and Slack wrap the underlying failure as `original`.
  const cause = error.cause ?? error.original;
  if (cause !== undefined && depth < maxDepth) logged.cause = serializeError(cause, depth + 1);
  return logged;
}
