import { ErrorCode, TasaError } from '../shared/errors.ts';

/**
 * How Tasa connects to Teams: with the Azure bot registration's credentials,
 * or, only when TEAMS_LOCAL_DEV=1 asks for it, anonymously for the Playground
 * and local development (no authentication, any `serviceUrl`).
 */
export type TeamsSettings =
  { appId: string; appPassword: string; tenantId: string } | { anonymous: true };

export const isAnonymous = (settings: TeamsSettings): settings is { anonymous: true } =>
  'anonymous' in settings;

export interface TeamsEnvironment {
  MICROSOFT_APP_ID?: string | undefined;
  MICROSOFT_APP_PASSWORD?: string | undefined;
  MICROSOFT_APP_TENANT_ID?: string | undefined;
  TEAMS_LOCAL_DEV?: boolean | undefined;
  NODE_ENV?: string | undefined;
}

const refuse = (message: string, problems: string[]): never => {
  throw new TasaError(ErrorCode.EnvironmentInvalid, message, { problems });
};

/**
 * All three variables: the registration. None: Teams is off (undefined),
 * unless TEAMS_LOCAL_DEV=1 asks for anonymous mode; a missing credential never
 * turns authentication off by itself.
 */
export function teamsSettings(env: TeamsEnvironment): TeamsSettings | undefined {
  const appId = env.MICROSOFT_APP_ID;
  const appPassword = env.MICROSOFT_APP_PASSWORD;
  const tenantId = env.MICROSOFT_APP_TENANT_ID;
  const localDev = env.TEAMS_LOCAL_DEV === true;
  if (appId && appPassword && tenantId) {
    // Both at once is a mistake either way round: refuse rather than guess which was meant.
    if (localDev)
      refuse(
        'TEAMS_LOCAL_DEV=1 runs Teams without authentication: unset it, or unset MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID',
        ['TEAMS_LOCAL_DEV'],
      );
    return { appId, appPassword, tenantId };
  }
  if (!appId && !appPassword && !tenantId) {
    if (!localDev) return undefined;
    // The Agents SDK compares NODE_ENV in lower case here and throws from its adapter's
    // constructor, which would stop Tasa with its own words; say why in Tasa's.
    if (env.NODE_ENV?.toLowerCase() === 'production')
      refuse('TEAMS_LOCAL_DEV=1 cannot run with NODE_ENV=production (the Agents SDK refuses it)', [
        'TEAMS_LOCAL_DEV',
        'NODE_ENV',
      ]);
    return { anonymous: true };
  }
  // Half a registration would run with authentication that cannot work: refuse to start.
  const missing = Object.entries({
    MICROSOFT_APP_ID: appId,
    MICROSOFT_APP_PASSWORD: appPassword,
    MICROSOFT_APP_TENANT_ID: tenantId,
  })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  return refuse(
    `Teams needs all of MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID; missing: ${missing.join(', ')}`,
    missing,
  );
}
