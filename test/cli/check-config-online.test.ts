import { WebClient, retryPolicies } from '@slack/web-api';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/io.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { slackPort } from '../../src/slack/port.ts';
import { openStore } from '../../src/store/open.ts';
import { cliOn } from '../helpers/cli.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api.ts';
import { parsedConfig } from '../helpers/world.ts';

const config = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki }
frameworks: [integrating-cities]
coordinators: [ kaisa.koordinaattori@testikaupunki.fi ]
channels: { coordination: { slack: CCOORD } }
departments:
  - id: education
    name: Education
    contacts: [ { email: eeva.opettaja@testikaupunki.fi, name: Eeva Opettaja }, { slack: UERKKI } ]
  - id: culture
    name: Culture
    contacts: [ { email: kalle.kulttuuri@testikaupunki.fi, name: Kalle Kulttuuri } ]
`;

const dir = mkdtempSync(join(tmpdir(), 'tasa-online-'));
const file = join(dir, 'tasa.yaml');
writeFileSync(file, config);

let slack: FakeSlackApi;
beforeAll(async () => {
  slack = await startFakeSlackApi();
  slack.addUser('kaisa.koordinaattori@testikaupunki.fi', 'UKAISA');
  slack.addUser('eeva.opettaja@testikaupunki.fi', 'UEEVA');
});
afterAll(() => slack.close());

/** Slack as the environment's bot token would reach it, with this token. */
const slackWith = (token: string): Pick<CliContext, 'findPeople'> => ({
  findPeople: async () => ({
    finders: {
      slack: slackPort(
        new WebClient(token, {
          slackApiUrl: `${slack.url}/api/`,
          retryConfig: retryPolicies.rapidRetryPolicy,
        }),
      ),
    },
    now: () => new Date('2027-01-04T08:00:00Z'),
    close: async () => undefined,
  }),
});

const organization = () => ({
  config: parsedConfig(config),
  store: openStore({ url: 'memory:', dataDir: '.', namespace: 'online', clock: systemClock }),
});

describe('tasa check-config --online', () => {
  it('lists every e-mail address no platform knows, with where it is, and exits 1', async () => {
    const tasa = cliOn(organization, slackWith('xoxb-test'));
    const before = slack.callsTo('users.lookupByEmail').length;
    const result = await tasa('check-config', file, '--online');
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      '  kalle.kulttuuri@testikaupunki.fi (departments[1].contacts[0]): no platform knows this e-mail address',
      '1 e-mail address(es) cannot be found; those people would never be asked anything.',
    ]);
    // Erkki has a Slack id written out: only the three addresses are looked up.
    expect(slack.callsTo('users.lookupByEmail').length - before).toBe(3);
  });

  it('exits 0 when everyone is found', async () => {
    slack.addUser('kalle.kulttuuri@testikaupunki.fi', 'UKALLE');
    try {
      const result = await cliOn(organization, slackWith('xoxb-test'))(
        'check-config',
        file,
        '--online',
      );
      expect(result.err).toEqual([]);
      expect(result.out.at(-1)).toBe('All 3 e-mail address(es) were found (slack).');
      expect(result.code).toBe(0);
    } finally {
      slack.removeUser('kalle.kulttuuri@testikaupunki.fi');
    }
  });

  it('says so when a lookup fails rather than calling the address unknown', async () => {
    // Slack answers missing_scope when the app was installed without users:read.email.
    const failing: Pick<CliContext, 'findPeople'> = {
      findPeople: async () => ({
        finders: {
          slack: {
            findPerson: () =>
              Promise.reject(
                Object.assign(new Error('An API error occurred'), {
                  data: { error: 'missing_scope' },
                }),
              ),
          },
        },
        now: () => new Date('2027-01-04T08:00:00Z'),
        close: async () => undefined,
      }),
    };
    const result = await cliOn(organization, failing)('check-config', file, '--online');
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe(
      '  kaisa.koordinaattori@testikaupunki.fi: could not be looked up (slack: missing_scope)',
    );
  });

  it('refuses --online without platform credentials, and checks only the file without it', async () => {
    const offline = await cliOn(organization)('check-config', file, '--online');
    expect(offline.code).toBe(1);
    expect(offline.err[0]).toContain('--online needs a platform to ask');
    const before = slack.callsTo('users.lookupByEmail').length;
    const plain = await cliOn(organization, slackWith('xoxb-test'))('check-config', file);
    expect(plain.code).toBe(0);
    expect(slack.callsTo('users.lookupByEmail').length).toBe(before);
  });

  it('reads the Slack credentials from the environment in the real command', async () => {
    const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const run = promisify(execFile);
    const failed = await run(process.execPath, [cli, 'check-config', file, '--online'], {
      env: {
        ...process.env,
        LANG: 'C',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: `${slack.url}/api/`,
        TASA_DATA_DIR: dir,
      },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'kalle.kulttuuri@testikaupunki.fi (departments[1].contacts[0])',
    );
  });
});
