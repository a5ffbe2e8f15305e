import { z } from 'zod';
import { ErrorCode, TasaError } from './shared/errors.ts';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Outbox items sent side by side unless TASA_SEND_CONCURRENCY says otherwise. */
export const defaultSendConcurrency = 16;

/** Every environment variable Tasa reads, in one place. */
export const environmentSchema = z.object({
  TASA_CONFIG: optional,
  TASA_STORE_URL: optional,
  TASA_DATA_DIR: z.string().trim().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  /**
   * `1` runs Teams without authentication, answering any `serviceUrl`: for the
   * Playground only. Never implied by missing credentials.
   */
  TEAMS_LOCAL_DEV: z
    .enum(['', '0', '1', 'false', 'true'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Where people reach Tasa from their browsers, e.g. `https://tasa.example.fi`:
   * the base of the single-use download links Teams gets exports as. Unset, no
   * links are made and `export` in Teams says so.
   */
  TASA_PUBLIC_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .optional(),
  /**
   * Messages of a fan-out sent side by side (those to one person or channel
   * still one after another): Teams allows 50 calls a second, more than one
   * round trip after another reaches.
   */
  TASA_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(defaultSendConcurrency),
  /**
   * Signs download links (HMAC-SHA256); at least 32 characters, the same on
   * every replica. Unset, each process makes its own, so a link works only on
   * the replica that made it.
   */
  TASA_DOWNLOAD_SECRET: optional.pipe(z.string().min(32).optional()),
  /** The Agents SDK refuses Teams without credentials when it is `production`, in any case. */
  NODE_ENV: optional,
});

export type Environment = z.infer<typeof environmentSchema>;

/** Validates a snapshot of the environment; names every bad variable. */
export function parseEnvironment(env: Record<string, string | undefined>): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new TasaError(
      ErrorCode.EnvironmentInvalid,
      `invalid environment: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
  return parsed.data;
}
