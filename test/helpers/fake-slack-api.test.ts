import { LogLevel, WebClient, retryPolicies } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, waitFor, type FakeSlackApi } from './fake-slack-api.ts';

// The fake is only worth anything if the real WebClient accepts its answers.
describe('fake Slack Web API', () => {
  let fake: FakeSlackApi;
  let client: WebClient;

  beforeEach(async () => {
    fake = await startFakeSlackApi();
    client = new WebClient('xoxb-test', {
      slackApiUrl: `${fake.url}/api/`,
      // WebClient's default policy adds 1-2 s of its own back-off on top of
      // Retry-After; the rapid one leaves just the server's wait.
      retryConfig: retryPolicies.rapidRetryPolicy,
      // The 429 is on purpose; its retry notice is just noise in test output.
      logLevel: LogLevel.ERROR,
    });
  });

  afterEach(() => fake.close());

  it('keeps the latest version of an updated message', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'first' } }];
    const posted = await client.chat.postMessage({ channel: 'U1', text: 'first', blocks });
    expect(posted.channel).toBe('DU1');

    await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'second' });

    expect(fake.messages.get(`DU1:${posted.ts}`)).toEqual({
      channel: 'DU1',
      ts: posted.ts,
      text: 'second',
      blocks,
    });
    expect(fake.messagesTo('U1')).toHaveLength(1);
    expect(fake.messagesTo('U1')[0]!.args.blocks).toEqual(blocks);
    expect(fake.callsTo('chat.update')[0]!.token).toBe('xoxb-test');
  });

  it('answers users.info with the locale the test set', async () => {
    fake.setLocale('U2', 'fi-FI');
    const info = await client.users.info({ user: 'U2', include_locale: true });
    expect(info.user).toMatchObject({ id: 'U2', locale: 'fi-FI', tz: 'Europe/Helsinki' });
    const other = await client.users.info({ user: 'U3', include_locale: true });
    expect(other.user?.locale).toBe('en-US');
  });

  it('rate-limits on demand, and WebClient retries after Retry-After', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 1);
    const started = Date.now();

    await client.chat.postMessage({ channel: 'C1', text: 'hello' });

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('chat.postMessage').map((c) => c.rateLimited ?? false)).toEqual([
      true,
      false,
    ]);
    expect(fake.messagesTo('C1')).toHaveLength(1);
    expect(fake.messages.size).toBe(1);
  });

  it('fails chat.update of a message it never posted', async () => {
    await expect(
      client.chat.update({ channel: 'C1', ts: '1.000100', text: 'x' }),
    ).rejects.toMatchObject({ data: { ok: false, error: 'message_not_found' } });
  });

  it('records App Home views and file uploads', async () => {
    const view = { type: 'home' as const, blocks: [] };
    await client.views.publish({ user_id: 'U4', view });
    expect(fake.lastView('U4')).toEqual(view);

    await client.filesUploadV2({ channel_id: 'C1', filename: 'r.csv', content: 'a,b\n' });
    const [file] = fake.files.values();
    expect(file).toMatchObject({ filename: 'r.csv', channel: 'C1' });
    expect(file!.data?.toString()).toBe('a,b\n');
  });

  it('waitFor explains itself when nothing arrives', async () => {
    await client.auth.test();
    await expect(waitFor(() => fake.callsTo('chat.postMessage').length > 0, 60)).rejects.toThrow(
      /timed out after 60 ms[\s\S]*auth\.test/,
    );
  });
});
