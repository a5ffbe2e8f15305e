import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { RateLimitedError, UnreachableError } from '../../src/chat/port.ts';
import { teamsCall, type RetryOptions } from '../../src/teams/calls.ts';

/** An error as the SDK's HttpClient throws it for a non-2xx answer. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
  const config = { method: 'post', url: 'v3/conversations/a:1/activities' };
  return new HttpError(
    `Request failed with status ${status}`,
    { data, status, statusText: '', headers: new Headers(headers), config },
    config,
  );
}

function retrying(attempts = 4) {
  const waits: number[] = [];
  const options: RetryOptions = {
    attempts,
    baseDelayMs: 400,
    maxDelayMs: 30_000,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0,
  };
  return { options, waits };
}

/** A call that fails with the given errors, then succeeds. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const work = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return 'sent';
  };
  return { work, calls: () => calls };
}

describe('a call to the Bot Connector', () => {
  it('names a person Teams will not let Tasa write to as unreachable, with the reason', async () => {
    const { options, waits } = retrying();
    const forbidden = failing(httpError(403, { error: { code: 'BotNotInConversationRoster' } }));
    await expect(teamsCall(forbidden.work, options)).rejects.toEqual(
      new UnreachableError('BotNotInConversationRoster'),
    );
    const gone = failing(httpError(404, { error: { code: 'ConversationNotFound' } }));
    await expect(teamsCall(gone.work, options)).rejects.toBeInstanceOf(UnreachableError);
    expect(forbidden.calls() + gone.calls()).toBe(2);
    expect(waits).toEqual([]);
  });

  it('waits as long as Retry-After says, then tries again', async () => {
    const { options, waits } = retrying();
    const throttled = failing(httpError(429, {}, { 'retry-after': '2' }));
    expect(await teamsCall(throttled.work, options)).toBe('sent');
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially on 412, 502 and 504 when no Retry-After is given', async () => {
    const { options, waits } = retrying();
    const flaky = failing(httpError(412, {}), httpError(502, {}), httpError(504, {}));
    expect(await teamsCall(flaky.work, options)).toBe('sent');
    // Half the backoff plus up to half as jitter (pinned to none here): 400, 800, 1600.
    expect(waits).toEqual([200, 400, 800]);
  });

  it('gives up after a few tries with RateLimitedError, so the outbox keeps the message', async () => {
    const { options } = retrying(3);
    const busy = failing(
      ...Array.from({ length: 5 }, () => httpError(429, {}, { 'retry-after': '7' })),
    );
    const error = await teamsCall(busy.work, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7000);
    expect(busy.calls()).toBe(3);
  });

  it('passes other failures on unchanged', async () => {
    const { options } = retrying();
    const broken = httpError(500, { error: { code: 'ServiceError' } });
    await expect(teamsCall(failing(broken).work, options)).rejects.toBe(broken);
    const offline = new TypeError('fetch failed');
    await expect(teamsCall(failing(offline).work, options)).rejects.toBe(offline);
  });
});
