import { describe, expect, it } from 'vitest';
import { isTasaError } from '../../src/shared/errors.ts';
import { teamsSettings } from '../../src/teams/settings.ts';
import { authConfiguration } from '../../src/teams/agent.ts';

describe('Teams settings', () => {
  it('run anonymously without any of the three variables', () => {
    expect(teamsSettings({})).toEqual({ anonymous: true });
    expect(authConfiguration({ anonymous: true })).toMatchObject({ clientId: undefined });
  });

  it('take the bot registration when all three are set', () => {
    const settings = teamsSettings({
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: 'tenant',
    });
    expect(settings).toEqual({ appId: 'app', appPassword: 'secret', tenantId: 'tenant' });
    const auth = authConfiguration(settings);
    expect(auth).toMatchObject({ clientId: 'app', clientSecret: 'secret', tenantId: 'tenant' });
    expect(auth.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'serviceConnection' }]);
  });

  it('refuse half a registration, naming what is missing', () => {
    let error: unknown;
    try {
      teamsSettings({ MICROSOFT_APP_ID: 'app' });
    } catch (caught) {
      error = caught;
    }
    expect(isTasaError(error)).toBe(true);
    expect((error as Error).message).toContain('MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID');
  });
});
