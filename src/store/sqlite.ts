import { EventEmitter } from 'node:events';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { KeyvStoreAdapter, StoredData } from 'keyv';

/** Keyv's table, created exactly as @keyv/sqlite created it, so files written by it keep working. */
const table = 'keyv';
const createTable = `CREATE TABLE IF NOT EXISTS ${table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;

/**
 * How long SQLite itself waits for another connection's lock. It waits on
 * this thread, so it is kept short; longer waits are taken in `#run`, between
 * turns of the event loop.
 */
const lockWaitInSqliteMs = 20;

/** SQLITE_BUSY and SQLITE_LOCKED, with or without their extended codes. */
const isLocked = (error: unknown): boolean => {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
};

/** The values a statement accepts; anything else is a programming error. */
const parameter = (value: unknown): SQLInputValue => {
  if (value === null || ['string', 'number', 'bigint'].includes(typeof value))
    return value as SQLInputValue;
  throw new TypeError(`not an SQLite parameter: ${typeof value}`);
};

/** Escapes LIKE's wildcards, with `\` declared as the escape character. */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * A keyv store on Node's built-in SQLite (`node:sqlite`), for the embedded
 * file. It keeps @keyv/sqlite's table, columns and keys (keyv prefixes them
 * with the namespace before they arrive here), so files written by that
 * adapter read back unchanged, and needs no native addon built at install.
 *
 * node:sqlite answers synchronously, on the event loop's thread. That is fine
 * because every call here is one statement on the primary key of a local
 * file: about 10 µs for a read, 2–3 ms for the store's largest getMany (500
 * records of 2 kB), a write in what the disk's sync takes; parsing the JSON
 * that comes back costs more, and did with the asynchronous driver too. Two
 * things would not be fine, and are avoided: waiting for another process's
 * lock on this thread (SQLite waits at most 20 ms itself; longer waits sleep
 * between retries), and a long run of calls that never lets the event loop
 * turn (a report reading thousands of records would hold up every request
 * meanwhile), so each call first lets it turn once.
 */
export class SqliteStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { dialect: 'sqlite'; table: string };
  /** Set by keyv; used only by clear(). */
  namespace?: string | undefined;
  readonly #file: string;
  readonly #lockWaitMs: number;
  #db: DatabaseSync | undefined;
  readonly #statements = new Map<string, StatementSync>();
  #closed = false;

  /** `lockWaitMs`: how long a call waits for another connection's lock before it fails. */
  constructor(file: string, lockWaitMs = 10_000) {
    super();
    this.opts = { dialect: 'sqlite', table };
    this.#file = file;
    this.#lockWaitMs = lockWaitMs;
  }

  /** Opens the file on first use, so a file that cannot be opened yet fails calls, not start-up. */
  #open(): DatabaseSync {
    if (this.#closed) throw new Error('the SQLite store is closed');
    if (this.#db) return this.#db;
    const db = new DatabaseSync(this.#file, { timeout: lockWaitInSqliteMs });
    try {
      db.exec(createTable);
      // WAL lets readers and a writer share the file. The mode is kept in the file, so if
      // another connection holds the lock right now it has usually set it already.
      try {
        db.exec('PRAGMA journal_mode = WAL');
      } catch (error) {
        if (!isLocked(error)) throw error;
      }
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;
    return db;
  }

  #statement(sql: string): StatementSync {
    const db = this.#open();
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** One call: lets the event loop turn, then runs; waits out another connection's lock. */
  async #run<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      await nextTurn();
      try {
        return work();
      } catch (error) {
        if (!isLocked(error) || Date.now() - started + pause > this.#lockWaitMs) throw error;
      }
      await sleep(pause);
    }
  }

  /** Runs one statement with positional parameters; the rows it returns. */
  query(sql: string, params: readonly unknown[] = []): Promise<unknown[]> {
    return this.#run(() => this.#statement(sql).all(...params.map(parameter)));
  }

  // keyv hands over and receives the serialised text; it deserialises it itself.
  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = await this.#run(() =>
      this.#statement(`SELECT value FROM ${table} WHERE key = ?`).get(key),
    );
    return (row?.value ?? undefined) as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    const rows = await this.#run(() =>
      this.#statement(
        `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(keys)),
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value ?? undefined]));
    return keys.map((key) => byKey.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: string): Promise<void> {
    await this.#run(() =>
      this.#statement(
        `INSERT INTO ${table} (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(key, value),
    );
  }

  /** Several values in one statement: all of them are written, or none. */
  async setMany(entries: { key: string; value: string }[]): Promise<void> {
    await this.#run(() =>
      this.#statement(
        `INSERT INTO ${table} (key, value)
         SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]') FROM json_each(?) AS e
         WHERE true
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(JSON.stringify(entries.map((e) => [e.key, e.value]))),
    );
  }

  async delete(key: string): Promise<boolean> {
    const result = await this.#run(() =>
      this.#statement(`DELETE FROM ${table} WHERE key = ?`).run(key),
    );
    return Number(result.changes) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    const result = await this.#run(() =>
      this.#statement(`DELETE FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`).run(
        JSON.stringify(keys),
      ),
    );
    return Number(result.changes) > 0;
  }

  async has(key: string): Promise<boolean> {
    const row = await this.#run(() =>
      this.#statement(`SELECT 1 AS found FROM ${table} WHERE key = ?`).get(key),
    );
    return row !== undefined;
  }

  /** Deletes this namespace's keys only (every key when there is no namespace). */
  async clear(): Promise<void> {
    const prefix = this.namespace ? likePrefix(`${this.namespace}:`) : '%';
    await this.#run(() =>
      this.#statement(`DELETE FROM ${table} WHERE key LIKE ? ESCAPE '\\'`).run(prefix),
    );
  }

  /** Closes the file; safe to call more than once. Later calls fail. */
  async disconnect(): Promise<void> {
    this.#closed = true;
    this.#statements.clear();
    const db = this.#db;
    this.#db = undefined;
    if (db?.isOpen) db.close();
  }
}
