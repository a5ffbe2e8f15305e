import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { ErrorCode, TasaError } from '../shared/errors.ts';
import type { Clock } from '../shared/clock.ts';
import { withTimeout } from '../shared/timeout.ts';
import type { ClaimBackend, Store, StoreBackend } from './store.ts';
import { memoryClaims } from './claims/memory.ts';
import { sqlClaims } from './claims/sql.ts';
import { redisClaims } from './claims/redis.ts';
import { PostgresStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';
import { redisConnection } from './redis.ts';

export interface StoreOptions {
  /** `sqlite:///path/file.db`, `redis://…`, `postgres://…` or `memory:`; empty means the embedded SQLite file. */
  url: string | undefined;
  /** Where the embedded SQLite file lives (created on first start). */
  dataDir: string;
  /** The organisation id: every key is stored under it. */
  namespace: string;
  clock: Clock;
}

interface Backend {
  kind: StoreBackend;
  adapter: KeyvStoreAdapter | undefined;
  claims: ClaimBackend;
  /**
   * Network backends: how long one call may take before it is reported failed.
   * The interaction layer has 5 s to tell a person "try again shortly".
   */
  deadlineMs?: number;
  /** Resolves when the backend can take a call (Redis: a fresh connection is ready). */
  ready?: () => Promise<void>;
  /** A call got no answer within the deadline. */
  stalled?: () => void;
}

/** Longer than each backend's own timeouts, so those usually answer first with their own cause. */
const networkDeadlineMs = 4_000;

function sqliteBackend(file: string): Backend {
  mkdirSync(dirname(file), { recursive: true });
  // Several processes may share the file (the command line next to the server): a call
  // waits up to 10 s for another one's write lock instead of failing.
  const adapter = new SqliteStore(file, 10_000);
  const query = (sql: string, params: unknown[]): Promise<unknown[]> => adapter.query(sql, params);
  return {
    kind: 'sqlite',
    adapter,
    claims: sqlClaims('sqlite', query, () => adapter.disconnect()),
  };
}

function postgresBackend(url: string): Backend {
  // Each store owns its pool and ends it on close.
  const adapter = new PostgresStore(url);
  const query = (sql: string, params: unknown[]): Promise<unknown[]> => adapter.query(sql, params);
  return {
    kind: 'postgres',
    adapter,
    claims: sqlClaims('postgres', query, () => adapter.disconnect()),
    deadlineMs: networkDeadlineMs,
  };
}

function redisBackend(url: string): Backend {
  const connection = redisConnection(url);
  const claims = redisClaims(async () => connection.client());
  return {
    kind: 'redis',
    adapter: connection.adapter,
    claims: { ...claims, close: () => connection.close() },
    deadlineMs: networkDeadlineMs,
    ready: () => connection.ready(),
    stalled: () => connection.stalled(),
  };
}

function backendFor(options: StoreOptions): Backend {
  const url = options.url?.trim() ?? '';
  if (url === '') return sqliteBackend(resolve(options.dataDir, 'tasa.sqlite'));
  const scheme = url.slice(0, url.indexOf(':'));
  switch (scheme) {
    case 'sqlite':
      return sqliteBackend(resolve(url.replace(/^sqlite:\/\//, '')));
    case 'redis':
    case 'rediss':
      return redisBackend(url);
    case 'postgres':
    case 'postgresql':
      return postgresBackend(url);
    case 'memory':
      return { kind: 'memory', adapter: undefined, claims: memoryClaims() };
    default:
      throw new TasaError(
        ErrorCode.StoreUrlUnsupported,
        `unsupported store URL scheme "${scheme}"`,
        { scheme },
      );
  }
}

/** Opens the store selected by the URL, namespaced by organisation. */
export function openStore(options: StoreOptions): Store {
  const backend = backendFor(options);
  const namespace = `tasa:${options.namespace}`;
  // Tasa stores plain JSON (no Buffers, no Dates), so plain JSON is enough, and
  // keyv's default reviver-based parse is several times slower on large reads.
  const keyv = new Keyv({
    store: backend.adapter ?? new Map(),
    namespace,
    useKeyPrefix: true,
    serialize: (data) => JSON.stringify(data),
    deserialize: (text) => JSON.parse(text) as never,
    // A failed read must reject, not answer "not found" (an update would then overwrite the record).
    throwOnErrors: true,
  });
  // Errors reach callers as rejected operations; the emitter also reports them,
  // and without a listener it would crash the process on a connection hiccup.
  keyv.on('error', () => {});
  /** One call to the backend, bounded in time on network backends. */
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    const attempt = (async () => {
      await backend.ready?.();
      return run();
    })();
    if (backend.deadlineMs === undefined) return attempt;
    return withTimeout(attempt, backend.deadlineMs, 'store call', () => backend.stalled?.());
  };
  const wrap = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new TasaError(
        ErrorCode.StoreUnavailable,
        `store ${operation} failed`,
        { backend: backend.kind },
        { cause: error },
      );
    }
  };
  const claimKey = (key: string): string => `${namespace}:${key}`;

  return {
    backend: backend.kind,
    namespace: options.namespace,
    get: <T>(key: string) =>
      wrap('get', async () => (await call(() => keyv.get<T>(key))) ?? undefined),
    getMany: <T>(keys: readonly string[]) =>
      wrap('getMany', async () => {
        if (keys.length === 0) return [];
        // Batches keep one statement's parameters within every backend's limits.
        const values: (T | undefined)[] = [];
        for (let i = 0; i < keys.length; i += 500) {
          const found = await call(() => keyv.get<T>(keys.slice(i, i + 500) as string[]));
          values.push(...found.map((v) => v ?? undefined));
        }
        return values;
      }),
    set: async (key, value, ttlMs) => {
      await wrap('set', () => call(() => keyv.set(key, value, ttlMs)));
    },
    setMany: async (entries) => {
      if (entries.length === 0) return;
      await wrap('setMany', () => call(() => keyv.setMany(entries.map((e) => ({ ...e })))));
    },
    delete: (key) => wrap('delete', () => call(() => keyv.delete(key))),
    claim: (key, ttlMs) =>
      wrap('claim', async () => {
        const token = randomUUID();
        const now = options.clock.now().getTime();
        const won = await call(() => backend.claims.claim(claimKey(key), token, ttlMs, now));
        return won ? { key, token, expiresAt: new Date(now + ttlMs) } : null;
      }),
    release: (claim) =>
      wrap('release', () => call(() => backend.claims.release(claimKey(claim.key), claim.token))),
    ping: () => wrap('ping', () => call(() => backend.claims.ping())),
    close: async () => {
      await backend.claims.close();
    },
  };
}
