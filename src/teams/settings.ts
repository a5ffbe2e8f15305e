import { ErrorCode, TasaError } from '../shared/errors.ts';

/**
 * How Tasa connects to Teams: with the Azure bot registration's credentials,
 * or in local anonymous mode (no MICROSOFT_APP_ID) for development only.
 */
export type TeamsSettings =
  { appId: string; appPassword: string; tenantId: string } | { anonymous: true };

export const isAnonymous = (settings: TeamsSettings): settings is { anonymous: true } =>
  'anonymous' in settings;

/** Anonymous when none of the three variables is set; all three otherwise. */
export function teamsSettings(env: {
  MICROSOFT_APP_ID?: string | undefined;
  MICROSOFT_APP_PASSWORD?: string | undefined;
  MICROSOFT_APP_TENANT_ID?: string | undefined;
}): TeamsSettings {
  const appId = env.MICROSOFT_APP_ID;
  const appPassword = env.MICROSOFT_APP_PASSWORD;
  const tenantId = env.MICROSOFT_APP_TENANT_ID;
  if (!appId && !appPassword && !tenantId) return { anonymous: true };
  if (appId && appPassword && tenantId) return { appId, appPassword, tenantId };
  // Half a registration would run with authentication that cannot work: refuse to start.
  const missing = Object.entries({
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appPassword,
    MICROSOFT_APP_TENANT_ID: tenantId,
  })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  throw new TasaError(
    ErrorCode.EnvironmentInvalid,
    `Teams needs all of MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (or none, for local anonymous mode); missing: ${missing.join(', ')}`,
    { problems: missing },
  );
}
