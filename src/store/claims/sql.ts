import type { ClaimBackend } from '../store.ts';
import { createOnce } from '../create-once.ts';

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * Claims for SQLite and PostgreSQL: one upsert that only overwrites an
 * expired row. The database serialises concurrent writers, so exactly one
 * statement returns the row; everyone else gets nothing back.
 */
export function sqlClaims(
  dialect: 'sqlite' | 'postgres',
  query: Query,
  close: () => Promise<void>,
): ClaimBackend {
  const p = (n: number): string => (dialect === 'postgres' ? `$${n}` : '?');
  const ready = createOnce(() =>
    query(
      `CREATE TABLE IF NOT EXISTS tasa_claims (key VARCHAR(512) PRIMARY KEY, token VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL)`,
      [],
    ),
  );
  return {
    async claim(key, token, ttlMs, nowMs) {
      await ready();
      const rows = await query(
        `INSERT INTO tasa_claims (key, token, expires_at) VALUES (${p(1)}, ${p(2)}, ${p(3)})
         ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at
         WHERE tasa_claims.expires_at <= ${p(4)}
         RETURNING key`,
        [key, token, nowMs + ttlMs, nowMs],
      );
      return rows.length === 1;
    },
    async release(key, token) {
      await ready();
      await query(`DELETE FROM tasa_claims WHERE key = ${p(1)} AND token = ${p(2)}`, [key, token]);
    },
    async ping() {
      await ready();
      await query('SELECT 1', []);
    },
    close,
  };
}
