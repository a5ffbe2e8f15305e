/**
 * The fake Slack Web API with Slack's message limits enforced, for the
 * fan-out benchmark: a small proxy in front of test/helpers/fake-slack-api.ts.
 *
 * The plain fake only rate-limits when a test asks it to (rateLimitNext); a
 * benchmark of pacing needs a Slack that says no by itself. So every
 * chat.postMessage is checked against two limits before it reaches the fake:
 *
 * - per channel: at most one message per second (Slack's documented limit);
 * - per workspace: at most `perSecond` messages in any one-second window.
 *
 * A message over either limit is answered 429 with an integer `Retry-After`
 * (whole seconds, at least 1, as Slack sends it) and never reaches the fake,
 * so the fake's record holds exactly the messages Slack would have accepted.
 * Other methods (auth.test, users.info, conversations.open) pass through
 * unlimited: they have their own tiers, which a check-in fan-out does not come
 * near, and limiting them would measure the fake rather than Tasa.
 */
import { createServer, request, Agent, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dmChannelOf, startFakeSlackApi, type FakeSlackApi } from '../helpers/fake-slack-api.ts';

export interface Limits {
  /** Least time between two accepted messages in one channel. */
  perChannelMs: number;
  /** Messages accepted in any window of one second, across the workspace. */
  perSecond: number;
}

export interface Accepted {
  channel: string;
  /** performance.now() when the proxy let the message through. */
  at: number;
}

export interface LimitedSlack {
  /** Point WebClient's slackApiUrl here (`${url}/api/`). */
  url: string;
  fake: FakeSlackApi;
  limits: Limits;
  /** Messages let through, in order of arrival. */
  accepted: Accepted[];
  /** 429 answers, by the limit that was hit. */
  refused: { channel: number; workspace: number };
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** The channel a chat.postMessage is for; a user id means that user's DM, as in the fake. */
function channelOf(req: IncomingMessage, body: Buffer): string {
  const text = body.toString('utf8');
  const raw = (req.headers['content-type'] ?? '').startsWith('application/json')
    ? ((JSON.parse(text || '{}') as { channel?: unknown }).channel ?? '')
    : (new URLSearchParams(text).get('channel') ?? '');
  const channel = String(raw);
  return /^[UW]/.test(channel) ? dmChannelOf(channel) : channel;
}

export async function startLimitedSlack(limits: Limits): Promise<LimitedSlack> {
  const fake = await startFakeSlackApi();
  const target = new URL(fake.url);
  // Keep-alive to the fake, so the proxy adds a local hop and not a TCP handshake per call.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const accepted: Accepted[] = [];
  const refused = { channel: 0, workspace: 0 };
  const lastInChannel = new Map<string, number>();
  /** Index into `accepted` of the oldest message still inside the one-second window. */
  let windowStart = 0;

  /** Milliseconds until this message may be accepted; 0 means now (and it is counted). */
  function admit(
    channel: string,
    now: number,
  ): { waitMs: number; limit?: 'channel' | 'workspace' } {
    const last = lastInChannel.get(channel);
    if (last !== undefined && now - last < limits.perChannelMs)
      return { waitMs: limits.perChannelMs - (now - last), limit: 'channel' };
    while (windowStart < accepted.length && now - accepted[windowStart]!.at >= 1000) windowStart++;
    if (accepted.length - windowStart >= limits.perSecond)
      return { waitMs: 1000 - (now - accepted[windowStart]!.at), limit: 'workspace' };
    lastInChannel.set(channel, now);
    accepted.push({ channel, at: now });
    return { waitMs: 0 };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.url?.startsWith('/api/chat.postMessage')) {
        const { waitMs, limit } = admit(channelOf(req, body), performance.now());
        if (limit) {
          refused[limit]++;
          res.writeHead(429, {
            'Content-Type': 'application/json; charset=utf-8',
            'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))),
          });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
      }
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => res.writeHead(502).end(String(error)));
      forward.end(body);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    fake,
    limits,
    accepted,
    refused,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await fake.close();
    },
  };
}
