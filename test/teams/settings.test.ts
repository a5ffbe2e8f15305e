import { describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../src/env.ts';
import { isTasaError } from '../../src/shared/errors.ts';
import { teamsSettings } from '../../src/teams/settings.ts';
import { authConfiguration } from '../../src/teams/agent.ts';
import { isBotConnectorUrl } from '../../src/teams/service-url.ts';

const registration = {
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: 'tenant',
};

function refusal(env: Record<string, string>): string {
  try {
    teamsSettings(parseEnvironment(env));
  } catch (error) {
    expect(isTasaError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('Teams settings', () => {
  it('leave Teams off without credentials, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['', 'prod', 'development', 'production', 'Production'])
      expect(teamsSettings(parseEnvironment({ NODE_ENV }))).toBeUndefined();
    expect(teamsSettings(parseEnvironment({ TEAMS_LOCAL_DEV: '0' }))).toBeUndefined();
  });

  it('run anonymously only when TEAMS_LOCAL_DEV=1 asks for it', () => {
    expect(teamsSettings(parseEnvironment({ TEAMS_LOCAL_DEV: '1' }))).toEqual({ anonymous: true });
    expect(teamsSettings(parseEnvironment({ TEAMS_LOCAL_DEV: 'true', NODE_ENV: 'prod' }))).toEqual({
      anonymous: true,
    });
    expect(authConfiguration({ anonymous: true })).toMatchObject({ clientId: undefined });
  });

  it('refuse local development with NODE_ENV=production in any case, or with credentials', () => {
    expect(refusal({ TEAMS_LOCAL_DEV: '1', NODE_ENV: 'Production' })).toContain('NODE_ENV');
    expect(refusal({ TEAMS_LOCAL_DEV: '1', ...registration })).toContain('TEAMS_LOCAL_DEV=1');
  });

  it('refuse a TEAMS_LOCAL_DEV that is neither on nor off', () => {
    expect(() => parseEnvironment({ TEAMS_LOCAL_DEV: 'yes' })).toThrow(/TEAMS_LOCAL_DEV/);
  });

  it('take the bot registration when all three are set', () => {
    const settings = teamsSettings(parseEnvironment(registration));
    expect(settings).toEqual({ appId: 'app', appPassword: 'secret', tenantId: 'tenant' });
    const auth = authConfiguration(settings!);
    expect(auth).toMatchObject({ clientId: 'app', clientSecret: 'secret', tenantId: 'tenant' });
    expect(auth.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'serviceConnection' }]);
  });

  it('refuse half a registration, naming what is missing', () => {
    expect(refusal({ MICROSOFT_APP_ID: 'app' })).toContain(
      'MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID',
    );
  });
});

describe('the Bot Connector’s serviceUrls', () => {
  it('are the public cloud, the Bot Framework and the government clouds, over https', () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/teams/',
      'https://webchat.botframework.com/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
    ])
      expect({ url, allowed: isBotConnectorUrl(url) }).toEqual({ url, allowed: true });
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://evil.example/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://evilbotframework.com/',
      'https://teams.microsoft.com/',
      'http://127.0.0.1:3978/',
      'not a url',
    ])
      expect({ url, allowed: isBotConnectorUrl(url) }).toEqual({ url, allowed: false });
  });
});
