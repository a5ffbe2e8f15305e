import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/shared/logger.ts';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { signedRequest, slashCommandBody } from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa } from './harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;
let logger: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  logger = memoryLogger();
  world = await startSlackTasa(undefined, { logger });
});
afterEach(async () => {
  await world.stop();
});

const form = 'application/x-www-form-urlencoded';
const json = 'application/json';
const nowSeconds = () => Math.floor(Date.now() / 1000);

const commandBody = (text: string, user = 'UCOORD') =>
  new URLSearchParams(
    slashCommandBody(world.endpoint, {
      user,
      text,
      responseUrl: `${world.slack.url}/response/${user}`,
    }),
  ).toString();

const warnings = () =>
  logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);

describe('the Slack endpoint', () => {
  it('refuses a signed request dated more than five minutes ahead with 401', async () => {
    const body = commandBody('cycle start 2027-Q1 15.2.2027');
    for (const ahead of [365 * 24 * 60 * 60, 6 * 60]) {
      const timestamp = nowSeconds() + ahead;
      const response = await signedRequest(world.endpoint, signingSecret, body, form, {
        timestamp,
      });
      expect(response.status).toBe(401);
    }
    expect(warnings()).toContainEqual(expect.stringContaining('five minutes'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(world.slack.callsTo('response_url')).toHaveLength(0);

    // A clock a little ahead of Slack's is fine.
    const response = await signedRequest(world.endpoint, signingSecret, body, form, {
      timestamp: nowSeconds() + 4 * 60,
    });
    expect(response.status).toBe(200);
    await waitFor(() => world.slack.callsTo('response_url').length === 1);
  });

  it('runs a replayed /tasa remind all once', async () => {
    const started = await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
    expect(started.reply).toContain('Cycle 2027-Q1 is open');
    const contacts = ['UEDU1', 'UEDU2', 'UCULT1'];
    await waitFor(() => contacts.every((user) => world.person(user).dms().length === 1));

    const body = commandBody('remind all');
    const timestamp = nowSeconds();
    const replies = world.slack.callsTo('response_url').length;
    for (let times = 0; times < 3; times += 1) {
      const response = await signedRequest(world.endpoint, signingSecret, body, form, {
        timestamp,
      });
      expect(response.status).toBe(200);
    }
    await waitFor(() => contacts.every((user) => world.person(user).dms().length === 2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const user of contacts) expect(world.person(user).dms()).toHaveLength(2);
    const answered = world.slack.callsTo('response_url').slice(replies);
    expect(answered).toHaveLength(1);
    expect(JSON.stringify(answered[0]?.args)).toContain('I reminded 3 people just now.');
  });

  it('answers a signed body that is not an object with 400, and keeps serving', async () => {
    const bodies: [string, string][] = [
      ['payload=null', form],
      ['null', json],
      ['payload=1', form],
      ['payload=%22text%22', form],
      ['payload=%5B%5D', form],
      ['[]', json],
      ['true', json],
      ['payload=%7Bnot+json', form],
    ];
    for (const [body, contentType] of bodies) {
      const response = await signedRequest(world.endpoint, signingSecret, body, contentType);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect(warnings()).toContainEqual(expect.stringContaining('not a Slack request'));
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);

    // Unsigned, the same body is refused as unsigned.
    const unsigned = await signedRequest(world.endpoint, signingSecret, 'payload=null', form, {
      signature: null,
    });
    expect(unsigned.status).toBe(401);

    // Still serving.
    expect((await fetch(`http://127.0.0.1:${world.tasa.port}/healthz`)).status).toBe(200);
    const { reply } = await world.person('UCOORD').command('help');
    expect(reply).not.toBe('');
  });

  it('answers other methods than POST without stopping', async () => {
    const response = await fetch(world.endpoint);
    expect(response.status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${world.tasa.port}/healthz`)).status).toBe(200);
  });
});
