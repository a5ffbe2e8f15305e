import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for https://slack.com/api/ that the real @slack/web-api
 * WebClient (and so a real Bolt app) can talk to. It answers the handful of
 * methods Tasa uses, keeps what was posted, and records every call so
 * end-to-end tests can assert on what Slack would have seen.
 */

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  at: number;
  /** The call was answered with HTTP 429; WebClient will have retried it. */
  rateLimited?: boolean;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown;
  /** The parent's ts, for a reply in a thread. */
  threadTs?: string;
  /** Message metadata (event_type, event_payload), as Slack keeps it. */
  metadata?: unknown;
}

export interface FakeFile {
  id: string;
  filename: string;
  /** The uploaded bytes, once the client has POSTed them to the upload URL. */
  data?: Buffer;
  /** Set by files.completeUploadExternal. */
  channel?: string;
  title?: string;
}

export interface FakeSlackApi {
  /** e.g. http://127.0.0.1:PORT; point WebClient at `${url}/api/`. */
  url: string;
  calls: RecordedCall[];
  /** Latest version of every posted message, keyed `channel:ts`. */
  messages: Map<string, PostedMessage>;
  files: Map<string, FakeFile>;
  /** Every call to `method`, rate-limited attempts included. */
  callsTo(method: string): RecordedCall[];
  /** Delivered chat.postMessage calls to a channel id, or to a user's DM. */
  messagesTo(channelOrUser: string): RecordedCall[];
  /** The view last published to a user's App Home. */
  lastView(userId: string): Record<string, unknown> | undefined;
  setLocale(userId: string, locale: string): void;
  /** The display name users.info gives for a user (by default none, only a real name). */
  setDisplayName(userId: string, name: string): void;
  /** A member of the workspace with an e-mail address (users.lookupByEmail finds them). */
  addUser(email: string, userId: string): void;
  /** The account is gone: users.lookupByEmail answers users_not_found, a DM to its id user_not_found. */
  removeUser(email: string): void;
  rateLimitNext(method: string, times: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0TEST';
export const FAKE_BOT_USER_ID = 'UTASA';
export const FAKE_BOT_ID = 'BTASA';

// Slack sends these as JSON inside form fields; tests want objects.
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

type Json = Record<string, unknown>;
type Handler = (args: Json) => Json;

/** Fakes still open, so a timed-out waitFor can say what they saw. */
const live = new Set<FakeSlackApi>();

/** Slack opens one DM per user; deriving its id keeps tests deterministic. */
export function dmChannelOf(userId: string): string {
  return `D${userId}`;
}

// Posting to a user id lands in their DM, and Slack answers with the DM id.
function normaliseChannel(id: string): string {
  return /^[UW]/.test(id) ? dmChannelOf(id) : id;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const messages = new Map<string, PostedMessage>();
  const files = new Map<string, FakeFile>();
  const locales = new Map<string, string>();
  const displayNames = new Map<string, string>();
  const usersByEmail = new Map<string, string>();
  const goneUsers = new Set<string>();
  const rateLimits = new Map<string, { remaining: number; retryAfter: number }>();
  let lastTs = 0;
  let ids = 0;
  let url = '';

  // Real ts values are epoch seconds; strictly increasing keeps them unique.
  const nextTs = () => {
    lastTs = Math.max(lastTs + 1, Math.floor(Date.now() / 1000));
    return `${lastTs}.000100`;
  };
  const nextId = (prefix: string) => `${prefix}${String(++ids).padStart(8, '0')}`;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

  const handlers: Record<string, Handler> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://tasa-test.slack.com/',
      team: 'Tasa Test',
      user: 'tasa',
      team_id: FAKE_TEAM_ID,
      user_id: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),
    'conversations.open': (args) => {
      const users = (str(args.users) ?? '').split(',').filter(Boolean);
      if (users.length === 0 || users.some((u) => goneUsers.has(u)))
        return { ok: false, error: 'user_not_found' };
      const id = users.length === 1 ? dmChannelOf(users[0]!) : `G${users.join('')}`;
      return { ok: true, no_op: true, already_open: true, channel: { id } };
    },
    'chat.postMessage': (args) => {
      const target = str(args.channel);
      if (!target) return { ok: false, error: 'channel_not_found' };
      if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
        return { ok: false, error: 'no_text' };
      }
      const channel = normaliseChannel(target);
      const ts = nextTs();
      const threadTs = str(args.thread_ts);
      const message: PostedMessage = {
        channel,
        ts,
        text: str(args.text),
        blocks: args.blocks,
        ...(threadTs ? { threadTs } : {}),
        ...(args.metadata !== undefined ? { metadata: parseJson(args.metadata) } : {}),
      };
      messages.set(`${channel}:${ts}`, message);
      return {
        ok: true,
        channel,
        ts,
        message: { type: 'message', user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID, ...message },
      };
    },
    'chat.update': (args) => {
      const channel = normaliseChannel(str(args.channel) ?? '');
      const ts = str(args.ts) ?? '';
      const message = messages.get(`${channel}:${ts}`);
      if (!message) return { ok: false, error: 'message_not_found' };
      // Like Slack, fields left out of the update keep their old value.
      if (args.text !== undefined) message.text = str(args.text);
      if (args.blocks !== undefined) message.blocks = args.blocks;
      return {
        ok: true,
        channel,
        ts,
        text: message.text,
        message: { text: message.text, blocks: message.blocks },
      };
    },
    // Newest first, as Slack answers; metadata only when asked for.
    'conversations.history': (args) => history(args, (m) => m.threadTs === undefined),
    'conversations.replies': (args) => {
      const parent = str(args.ts);
      return history(args, (m) => m.ts === parent || m.threadTs === parent);
    },
    'chat.postEphemeral': (args) =>
      str(args.channel) && str(args.user)
        ? { ok: true, message_ts: nextTs() }
        : { ok: false, error: 'channel_not_found' },
    'views.open': (args) =>
      str(args.trigger_id)
        ? viewResult(nextId('V'), args)
        : { ok: false, error: 'invalid_arguments' },
    'views.update': (args) => viewResult(str(args.view_id) ?? nextId('V'), args),
    'views.publish': (args) =>
      str(args.user_id) ? viewResult(nextId('V'), args) : { ok: false, error: 'invalid_arguments' },
    'users.info': (args) => {
      const id = str(args.user);
      if (!id) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id,
          team_id: FAKE_TEAM_ID,
          name: `user-${id.toLowerCase()}`,
          real_name: `User ${id}`,
          profile: { display_name: displayNames.get(id) ?? '', real_name: `User ${id}` },
          tz: 'Europe/Helsinki',
          locale: locales.get(id) ?? 'en-US',
        },
      };
    },
    // Slack matches the address without regard to case; an unknown one is users_not_found.
    'users.lookupByEmail': (args) => {
      const email = str(args.email);
      if (!email) return { ok: false, error: 'invalid_arguments' };
      const id = usersByEmail.get(email.toLowerCase());
      if (!id) return { ok: false, error: 'users_not_found' };
      return {
        ok: true,
        user: {
          id,
          team_id: FAKE_TEAM_ID,
          name: email.split('@')[0],
          deleted: false,
          is_bot: false,
          profile: { email },
        },
      };
    },
    'files.getUploadURLExternal': (args) => {
      const id = nextId('F');
      files.set(id, { id, filename: str(args.filename) ?? 'file' });
      return { ok: true, upload_url: `${url}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (args) => {
      const wanted = parseJson(args.files);
      if (!Array.isArray(wanted)) return { ok: false, error: 'invalid_arguments' };
      const done: Json[] = [];
      for (const item of wanted as Json[]) {
        const file = files.get(str(item.id) ?? '');
        if (!file) return { ok: false, error: 'file_not_found' };
        file.title = str(item.title) ?? file.filename;
        file.channel = str(args.channel_id);
        done.push({ id: file.id, name: file.filename, title: file.title });
      }
      return { ok: true, files: done };
    },
  };

  function history(args: Json, inView: (m: PostedMessage) => boolean): Json {
    const channel = normaliseChannel(str(args.channel) ?? '');
    const oldest = Number(str(args.oldest) ?? '0');
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const found = [...messages.values()]
      .filter((m) => m.channel === channel && Number(m.ts) >= oldest && inView(m))
      .sort((a, b) => Number(b.ts) - Number(a.ts))
      .map((m) => ({
        type: 'message',
        user: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
        ts: m.ts,
        text: m.text,
        ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        ...(withMetadata && m.metadata !== undefined ? { metadata: m.metadata } : {}),
      }));
    return { ok: true, messages: found, has_more: false };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = await readBody(req);

    const upload = /^\/upload\/([^/]+)$/.exec(path);
    if (upload) {
      const file = files.get(upload[1]!);
      if (!file) return res.writeHead(404).end('unknown upload');
      file.data = await uploadedBytes(req, raw);
      return res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`OK - ${file.data.length}`);
    }

    // A slash command's response_url: Bolt's respond() posts the reply here.
    const response = /^\/response\/([^/]+)$/.exec(path);
    if (response) {
      calls.push({
        method: 'response_url',
        args: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>,
        at: Date.now(),
      });
      return sendJson(res, { ok: true }, 200, {});
    }

    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (!api) return res.writeHead(404).end('not found');
    const method = api[1]!;
    const args = await parseArgs(req, raw);
    const token = bearer(req.headers.authorization) ?? str(args.token);
    const call: RecordedCall = { method, args, at: Date.now(), ...(token ? { token } : {}) };
    calls.push(call);

    const limit = rateLimits.get(method);
    if (limit && limit.remaining > 0) {
      limit.remaining--;
      call.rateLimited = true;
      return sendJson(res, { ok: false, error: 'ratelimited' }, 429, {
        'Retry-After': String(limit.retryAfter),
      });
    }

    const handler = handlers[method];
    if (!handler) return sendJson(res, { ok: false, error: 'unknown_method' });
    if (!token) return sendJson(res, { ok: false, error: 'not_authed' });
    return sendJson(res, handler(args));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const delivered = () => calls.filter((c) => !c.rateLimited);
  const fake: FakeSlackApi = {
    url,
    calls,
    messages,
    files,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messagesTo: (channelOrUser) => {
      const target = normaliseChannel(channelOrUser);
      return delivered().filter(
        (c) =>
          c.method === 'chat.postMessage' && normaliseChannel(str(c.args.channel) ?? '') === target,
      );
    },
    lastView: (userId) =>
      delivered()
        .filter((c) => c.method === 'views.publish' && c.args.user_id === userId)
        .at(-1)?.args.view as Json | undefined,
    setLocale: (userId, locale) => void locales.set(userId, locale),
    setDisplayName: (userId, name) => void displayNames.set(userId, name),
    addUser: (email, userId) => void usersByEmail.set(email.toLowerCase(), userId),
    removeUser: (email) => {
      const id = usersByEmail.get(email.toLowerCase());
      if (id) goneUsers.add(id);
      usersByEmail.delete(email.toLowerCase());
    },
    rateLimitNext: (method, times, retryAfterSeconds) =>
      void rateLimits.set(method, { remaining: times, retryAfter: retryAfterSeconds }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        live.delete(fake);
        // fetch keeps connections alive; without this close() would hang.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  live.add(fake);
  return fake;
}

function viewResult(id: string, args: Json): Json {
  const view = typeof args.view === 'object' && args.view !== null ? (args.view as Json) : {};
  return {
    ok: true,
    view: { id, team_id: FAKE_TEAM_ID, state: { values: {} }, hash: `${id}.hash`, ...view },
  };
}

function sendJson(res: ServerResponse, body: Json, status = 200, headers: Json = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Lets the platform's own Request do multipart parsing instead of us.
function asRequest(req: IncomingMessage, raw: Buffer): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
  }
  return new Request('http://fake/', { method: 'POST', headers, body: new Uint8Array(raw) });
}

async function parseArgs(req: IncomingMessage, raw: Buffer): Promise<Json> {
  const type = req.headers['content-type'] ?? '';
  const query = new URL(req.url ?? '/', 'http://fake').searchParams;
  const args: Json = Object.fromEntries(query);
  if (type.startsWith('application/json')) {
    Object.assign(args, raw.length ? (JSON.parse(raw.toString('utf8')) as Json) : {});
  } else if (type.startsWith('multipart/form-data')) {
    for (const [key, value] of await asRequest(req, raw).formData()) {
      args[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
    }
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  for (const field of JSON_FIELDS) {
    if (field in args) args[field] = parseJson(args[field]);
  }
  return args;
}

// WebClient sends the file as a multipart part; other clients send it raw.
async function uploadedBytes(req: IncomingMessage, raw: Buffer): Promise<Buffer> {
  if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return raw;
  for (const [, value] of await asRequest(req, raw).formData()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return raw;
}

/**
 * Bolt acknowledges a request before it does the work, so tests wait for the
 * Web API calls that follow. Polls every 20 ms; on timeout the error lists
 * what every open fake recorded, which is usually the whole diagnosis.
 */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (predicate()) return;
      lastError = undefined;
    } catch (error) {
      // A predicate that indexes into calls not made yet throws; keep polling.
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const recorded = [...live].flatMap((fake) => fake.calls.map(describeCall));
  throw new Error(
    [
      `waitFor timed out after ${timeoutMs} ms: ${predicate.toString()}`,
      ...(lastError ? [`last predicate error: ${String(lastError)}`] : []),
      `recorded Slack API calls (${recorded.length}):`,
      ...(recorded.length ? recorded.map((line) => `  ${line}`) : ['  (none)']),
    ].join('\n'),
  );
}

function describeCall(call: RecordedCall): string {
  // Tokens in test output are noise, and would be secrets in a real run.
  const json = JSON.stringify({ ...call.args, token: undefined });
  const brief = json.length > 300 ? `${json.slice(0, 300)}…` : json;
  return `${call.method}${call.rateLimited ? ' [429]' : ''} ${brief}`;
}
