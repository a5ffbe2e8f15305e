/**
 * The fake Bot Connector with Teams' documented limits enforced, for the
 * Teams fan-out benchmark: a small proxy in front of
 * test/helpers/fake-bot-connector.ts, as limited-slack.ts is for Slack.
 *
 * Every call is checked before it reaches the fake, each limit a sliding
 * window as Teams counts it:
 *
 * - per conversation, for messages (POST and PUT of activities): 7 in 1 s,
 *   8 in 2 s, 60 in 30 s;
 * - per app and tenant, for every call (the creation of a conversation, a
 *   member lookup included): 50 in 1 s.
 *
 * A call over a limit is answered 429 with `Retry-After` in whole seconds (at
 * least 1) and never reaches the fake, so the fake's record holds exactly
 * what Teams would have accepted.
 */
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { teamsLimits, type Window } from '../../src/teams/limits.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.ts';

export interface TeamsAccepted {
  /** `create` for a new conversation, else the conversation written to. */
  conversation: string;
  kind: 'create' | 'message' | 'other';
  /** When the proxy let the call through: milliseconds since the epoch, comparable across processes. */
  at: number;
}

export interface LimitedTeams {
  /** The serviceUrl to give the references. */
  url: string;
  fake: FakeBotConnector;
  accepted: TeamsAccepted[];
  /** 429 answers, by the limit that was hit. */
  refused: { conversation: number; tenant: number };
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Calls accepted per key, oldest first; only the last few can decide a window. */
function slidingWindows(windows: readonly Window[]) {
  const times = new Map<string, number[]>();
  const most = Math.max(...windows.map((w) => w.calls));
  return {
    /** Milliseconds until one more call fits every window; 0 if it fits now. */
    waitMs(key: string, now: number): number {
      const known = times.get(key) ?? [];
      let wait = 0;
      for (const w of windows) {
        const inside = known.filter((t) => now - t < w.ms);
        if (inside.length >= w.calls)
          wait = Math.max(wait, inside[inside.length - w.calls]! + w.ms - now);
      }
      return wait;
    },
    add(key: string, now: number): void {
      const known = times.get(key) ?? [];
      known.push(now);
      if (known.length > most) known.splice(0, known.length - most);
      times.set(key, known);
    },
  };
}

export async function startLimitedTeams(): Promise<LimitedTeams> {
  const fake = await startFakeBotConnector();
  const target = new URL(fake.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const accepted: TeamsAccepted[] = [];
  const refused = { conversation: 0, tenant: 0 };
  const perConversation = slidingWindows(teamsLimits.perConversation);
  const perTenant = slidingWindows(teamsLimits.perTenant);

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const parts = new URL(req.url ?? '/', 'http://fake').pathname
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      const [, , conversation, sub] = parts;
      const method = req.method ?? 'GET';
      const kind: TeamsAccepted['kind'] =
        method === 'POST' && !conversation
          ? 'create'
          : sub === 'activities' && (method === 'POST' || method === 'PUT')
            ? 'message'
            : 'other';
      const now = performance.timeOrigin + performance.now();
      // One tenant in the bench: the app's tenant-wide count is the proxy's.
      const tenantWait = perTenant.waitMs('tenant', now);
      const conversationWait =
        kind === 'message' && conversation ? perConversation.waitMs(conversation, now) : 0;
      if (tenantWait > 0 || conversationWait > 0) {
        refused[conversationWait > 0 ? 'conversation' : 'tenant']++;
        const wait = Math.max(tenantWait, conversationWait);
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(Math.max(1, Math.ceil(wait / 1000))),
        });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'too many requests' } }));
        return;
      }
      perTenant.add('tenant', now);
      if (kind === 'message' && conversation) perConversation.add(conversation, now);
      accepted.push({
        conversation: kind === 'create' ? 'create' : (conversation ?? ''),
        kind,
        at: now,
      });
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method,
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
