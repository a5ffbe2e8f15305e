import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';

const url = process.env.TASA_TEST_POSTGRES_URL;

describe.skipIf(!url)('the PostgreSQL store and databases written by earlier versions', () => {
  const pool = new pg.Pool({ connectionString: url });
  afterAll(() => pool.end());

  it('reads and writes the same table and keys as before, so existing data keeps working', async () => {
    const org = `espoo-${randomUUID()}`;
    const store = openStore({ url, dataDir: '.', namespace: org, clock: systemClock });
    try {
      await store.ping();
      // A record as the earlier PostgreSQL adapter wrote it: namespaced key, keyv's JSON envelope.
      await pool.query(
        `INSERT INTO public.tasa_keyv (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [`tasa:${org}:cycle`, JSON.stringify({ value: { name: '2027-Q1' } })],
      );
      expect(await store.get('cycle')).toEqual({ name: '2027-Q1' });

      await store.set('answer:KF01.Q1', { status: 'yes' });
      const { rows } = await pool.query<{ key: string; value: string }>(
        'SELECT key, value FROM public.tasa_keyv WHERE key LIKE $1 ORDER BY key',
        [`tasa:${org}:%`],
      );
      expect(rows.map((row) => [row.key, JSON.parse(row.value)])).toEqual([
        [`tasa:${org}:answer:KF01.Q1`, { value: { status: 'yes' } }],
        [`tasa:${org}:cycle`, { value: { name: '2027-Q1' } }],
      ]);
    } finally {
      await store.close();
    }
  });

  it('lets two stores in one process close independently', async () => {
    const first = openStore({
      url,
      dataDir: '.',
      namespace: `a-${randomUUID()}`,
      clock: systemClock,
    });
    const second = openStore({
      url,
      dataDir: '.',
      namespace: `b-${randomUUID()}`,
      clock: systemClock,
    });
    await first.set('k', 1);
    await first.close();
    await second.set('k', 2);
    expect(await second.get('k')).toBe(2);
    await second.close();
  });
});
