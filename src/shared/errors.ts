/**
 * Coded errors. Every error that can reach a person carries a code; the
 * platform adapters map codes to a localised message (`errors:<code>`), so a
 * user never sees a stack trace.
 */
export const ErrorCode = {
  ConfigNotFound: 'config_not_found',
  ConfigUnreadable: 'config_unreadable',
  ConfigInvalid: 'config_invalid',
  EnvironmentInvalid: 'environment_invalid',
  CatalogueInvalid: 'catalogue_invalid',
  UnknownFramework: 'unknown_framework',
  StoreUnavailable: 'store_unavailable',
  StoreUrlUnsupported: 'store_url_unsupported',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class TasaError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TasaError';
    this.code = code;
    this.details = details;
  }
}

export function isTasaError(error: unknown, code?: ErrorCode): error is TasaError {
  return error instanceof TasaError && (code === undefined || error.code === code);
}
