import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { createOnce } from './create-once.ts';

/** How long PostgreSQL may take before a call fails; the store's own deadline is a little longer. */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /**
   * The client gives up on an answer and drops the connection (a half-open
   * socket, an overloaded server). Client-side only: a server-side
   * statement_timeout travels as a startup parameter, which connection
   * poolers such as PgBouncer refuse by default.
   */
  queryMs: number;
}

export const defaultPostgresTimeouts: PostgresTimeouts = {
  connectMs: 2_000,
  queryMs: 3_000,
};

/** The table @keyv/postgres created for Tasa; kept so that existing databases keep working. */
const table = 'public.tasa_keyv';

/** Escapes LIKE's wildcards (backslash is PostgreSQL's default escape character). */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * A keyv store on PostgreSQL that owns its connection pool.
 *
 * It exists because @keyv/postgres keeps one module-level pg.Pool that its
 * users cannot reach: nobody can listen for the pool's 'error' event, so an
 * idle connection dropped by a server restart or a network outage crashes the
 * process, and one store's disconnect() ends the pool under every other store.
 * This adapter keeps the same table, columns and keys (keyv prefixes them
 * with the namespace before they arrive here), so data written by that
 * adapter reads back unchanged.
 */
export class PostgresStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { dialect: 'postgres'; table: string };
  /** Set by keyv; used only by clear(). */
  namespace?: string | undefined;
  readonly #pool: pg.Pool;
  /** Creates the table on first use. */
  readonly #ready = createOnce(() =>
    this.query(`CREATE TABLE IF NOT EXISTS ${table} (key VARCHAR(255) PRIMARY KEY, value TEXT)`),
  );
  #ended: Promise<void> | undefined;

  constructor(url: string, timeouts: PostgresTimeouts = defaultPostgresTimeouts) {
    super();
    this.opts = { dialect: 'postgres', table };
    this.#pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.queryMs,
      // Notices a silently dead peer on idle connections.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle connection that drops (server restart, network loss) is discarded by
    // the pool and replaced on next use; callers learn of an outage from their own
    // failing queries. Without this listener the error would crash the process.
    this.#pool.on('error', () => {});
  }

  /** Runs one statement on the pool; the rows it returns. */
  async query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const result = await this.#pool.query(sql, params);
    return result.rows as Row[];
  }

  async #rows(sql: string, params: unknown[]): Promise<{ key: string; value: string | null }[]> {
    await this.#ready();
    return this.query(sql, params);
  }

  // keyv hands over and receives the serialised text; it deserialises it itself.
  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await this.#rows(`SELECT key, value FROM ${table} WHERE key = $1`, [key]);
    return (rows[0]?.value ?? undefined) as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    const rows = await this.#rows(`SELECT key, value FROM ${table} WHERE key = ANY($1)`, [keys]);
    const byKey = new Map(rows.map((row) => [row.key, row.value ?? undefined]));
    return keys.map((key) => byKey.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: string): Promise<void> {
    await this.#rows(
      `INSERT INTO ${table} (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [key, value],
    );
  }

  /** Several values in one statement: all of them are written, or none. */
  async setMany(entries: { key: string; value: string }[]): Promise<void> {
    await this.#rows(
      `INSERT INTO ${table} (key, value)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [entries.map((e) => e.key), entries.map((e) => e.value)],
    );
  }

  async delete(key: string): Promise<boolean> {
    const rows = await this.#rows(`DELETE FROM ${table} WHERE key = $1 RETURNING key`, [key]);
    return rows.length > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const rows = await this.#rows(`DELETE FROM ${table} WHERE key = ANY($1) RETURNING key`, [keys]);
    return rows.length > 0;
  }

  async has(key: string): Promise<boolean> {
    const rows = await this.#rows(`SELECT key FROM ${table} WHERE key = $1`, [key]);
    return rows.length > 0;
  }

  /** Deletes this namespace's keys only (every key when there is no namespace). */
  async clear(): Promise<void> {
    const prefix = this.namespace ? likePrefix(`${this.namespace}:`) : '%';
    await this.#rows(`DELETE FROM ${table} WHERE key LIKE $1`, [prefix]);
  }

  /** Ends this store's pool; safe to call more than once. */
  disconnect(): Promise<void> {
    this.#ended ??= this.#pool.end();
    return this.#ended;
  }
}
