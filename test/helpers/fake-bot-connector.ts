import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` of a
 * Teams conversation) that the real Agents SDK talks to. It answers the
 * handful of calls Tasa makes, keeps the latest version of every activity
 * (so tests read updated cards), records every call, and fails on demand
 * (429 with Retry-After, 403 BotNotInConversationRoster, …).
 */

export interface ConnectorCall {
  method: string;
  path: string;
  conversation?: string;
  activityId?: string;
  body: unknown;
  /** What the fake answered. */
  status: number;
  authorization?: string;
  at: number;
}

export interface PostedActivity {
  conversation: string;
  id: string;
  /** The latest version (PUT replaces it). */
  activity: Record<string, unknown>;
  /** Set when posted as a reply to another activity. */
  replyTo?: string;
  versions: number;
}

export interface FakeMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

interface Fault {
  remaining: number;
  status: number;
  code: string;
  retryAfterSeconds?: number;
  conversation?: string;
  method?: string;
}

export interface FakeBotConnector {
  /** The serviceUrl to put into activities. */
  url: string;
  calls: ConnectorCall[];
  /** Every activity Tasa posted, latest version, in the order posted. */
  activities: PostedActivity[];
  activitiesIn(conversation: string): PostedActivity[];
  /** Conversations Tasa created (POST /v3/conversations), with the parameters it sent. */
  created: { id: string; body: Record<string, unknown> }[];
  /** Users the member lookup knows (in any conversation), by 29: id, Entra object id or UPN / e-mail. */
  addMember(member: FakeMember): void;
  /** The next `times` calls (optionally only to one conversation or of one method) get 429. */
  rateLimitNext(
    times: number,
    retryAfterSeconds: number,
    filter?: { conversation?: string; method?: string },
  ): void;
  /** The next `times` calls get this status and error code. */
  failNext(
    times: number,
    status: number,
    code: string,
    filter?: { conversation?: string; method?: string },
  ): void;
  /** Every call to a conversation gets this status and code from now on (e.g. 403 BotNotInConversationRoster). */
  failConversation(conversation: string, status: number, code: string): void;
  /** No more failures on demand. */
  heal(): void;
  close(): Promise<void>;
}

/** Fakes still open, so a timed-out waitFor can say what they saw. */
const live = new Set<FakeBotConnector>();

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const activities: PostedActivity[] = [];
  const created: { id: string; body: Record<string, unknown> }[] = [];
  const members: FakeMember[] = [];
  const faults: Fault[] = [];
  let ids = 0;

  const nextId = () => `1${String(++ids).padStart(12, '0')}`;
  const find = (conversation: string, id: string) =>
    activities.find((a) => a.conversation === conversation && a.id === id);

  function faultFor(method: string, conversation: string | undefined): Fault | undefined {
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.conversation === undefined || f.conversation === conversation) &&
        (f.method === undefined || f.method === method),
    );
    if (fault && Number.isFinite(fault.remaining)) fault.remaining--;
    return fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = await readBody(req);
    const body: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    // v3 / conversations / {conversation} / (activities|members) / {id}
    const [version, collection, conversation, sub, item] = parts;
    const call: ConnectorCall = {
      method,
      path,
      ...(conversation ? { conversation } : {}),
      ...(sub === 'activities' && item ? { activityId: item } : {}),
      body,
      status: 200,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      at: Date.now(),
    };
    calls.push(call);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (version !== 'v3' || collection !== 'conversations')
      return answer(404, { error: { code: 'NotFound' } });

    const fault = faultFor(method, conversation);
    if (fault) {
      return answer(
        fault.status,
        { error: { code: fault.code, message: `fake ${fault.code}` } },
        fault.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {},
      );
    }

    if (method === 'POST' && !conversation) {
      const parameters = (body ?? {}) as { members?: { id?: string }[] };
      const id = `a:personal-${parameters.members?.[0]?.id ?? nextId()}`;
      created.push({ id, body: parameters as Record<string, unknown> });
      return answer(201, { id });
    }
    if (!conversation) return answer(404, { error: { code: 'NotFound' } });

    if (sub === 'activities' && method === 'POST') {
      const id = nextId();
      activities.push({
        conversation,
        id,
        activity: (body ?? {}) as Record<string, unknown>,
        ...(item ? { replyTo: item } : {}),
        versions: 1,
      });
      return answer(201, { id });
    }
    if (sub === 'activities' && method === 'PUT' && item) {
      const known = find(conversation, item);
      if (!known) return answer(404, { error: { code: 'ActivityNotFound' } });
      known.activity = (body ?? {}) as Record<string, unknown>;
      known.versions++;
      return answer(200, { id: item });
    }
    if (sub === 'members' && method === 'GET' && item) {
      // Teams takes a UPN for the member id too, matched without regard to case.
      const upn = item.toLowerCase();
      const member = members.find(
        (m) =>
          m.id === item ||
          m.aadObjectId === item ||
          m.email?.toLowerCase() === upn ||
          m.userPrincipalName?.toLowerCase() === upn,
      );
      if (!member) return answer(404, { error: { code: 'MemberNotFoundInConversation' } });
      return answer(200, {
        ...member,
        ...(member.aadObjectId ? { objectId: member.aadObjectId } : {}),
      });
    }
    return answer(404, { error: { code: 'NotFound' } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeBotConnector = {
    url,
    calls,
    activities,
    activitiesIn: (conversation) => activities.filter((a) => a.conversation === conversation),
    created,
    addMember: (member) => void members.push(member),
    rateLimitNext: (times, retryAfterSeconds, filter = {}) =>
      void faults.push({
        remaining: times,
        status: 429,
        code: 'Throttled',
        retryAfterSeconds,
        ...filter,
      }),
    failNext: (times, status, code, filter = {}) =>
      void faults.push({ remaining: times, status, code, ...filter }),
    failConversation: (conversation, status, code) =>
      void faults.push({ remaining: Infinity, status, code, conversation }),
    heal: () => void faults.splice(0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        live.delete(fake);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  live.add(fake);
  return fake;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Tasa answers Teams at once and works afterwards, so tests wait for the
 * connector calls that follow. On timeout the error lists every call the
 * open fakes saw, which is usually the whole diagnosis.
 */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (predicate()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const recorded = [...live].flatMap((fake) =>
    fake.calls.map((c) => {
      const json = JSON.stringify(c.body ?? null);
      return `${c.method} ${c.path} → ${c.status} ${json.length > 200 ? `${json.slice(0, 200)}…` : json}`;
    }),
  );
  throw new Error(
    [
      `waitFor timed out after ${timeoutMs} ms: ${predicate.toString()}`,
      ...(lastError ? [`last predicate error: ${String(lastError)}`] : []),
      `recorded Bot Connector calls (${recorded.length}):`,
      ...(recorded.length ? recorded.map((line) => `  ${line}`) : ['  (none)']),
    ].join('\n'),
  );
}
