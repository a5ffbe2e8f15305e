import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

/*
 * test/fixtures/tasa-keyv-sqlite3.sqlite was written by the embedded store of
 * earlier versions, @keyv/sqlite 4.0.8 on the sqlite3 addon, through openStore with
 * the clock at 2027-01-04T09:00:00Z: the values below under the namespace
 * "helsinki" (one of them with a 1 ms TTL, one with a 100-year TTL), one
 * under "espoo", a claim "checkins:2027-W01" for a year and a claim
 * "rollup:2026-W52" for one second.
 */
const fixture = new URL('../fixtures/tasa-keyv-sqlite3.sqlite', import.meta.url);
const written = new Date('2027-01-04T09:00:00Z');

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

/** Closes a store before the test ends. */
async function closed(store: Store): Promise<void> {
  opened.splice(opened.indexOf(store), 1);
  await store.close();
}

/** A copy of the fixture as a data folder's tasa.sqlite, so the test never changes the committed file. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tasa-store-file-'));
  copyFileSync(fixture, join(dir, 'tasa.sqlite'));
  return dir;
}

function open(dir: string, namespace = 'helsinki', at = new Date(written.getTime() + 5_000)) {
  const store = openStore({ url: undefined, dataDir: dir, namespace, clock: fixedClock(at) });
  opened.push(store);
  return store;
}

describe('a tasa.sqlite file written by @keyv/sqlite on the sqlite3 addon', () => {
  it('reads back every value, in every namespace', async () => {
    const dir = dataDir();
    const store = open(dir);
    expect(await store.get('cycle:2027-Q1')).toEqual({
      id: '2027-Q1',
      name: '2027 Q1',
      due: '2027-03-31',
      keyFactors: ['KF01', 'KF06'],
    });
    expect(await store.get('record:2027-Q1:education')).toEqual({
      answers: {
        'KF01.Q1': {
          status: 'yes',
          note: 'Syrjintä näkyy – ja sitä mitataan. Åtgärder ✓ 🌍',
          evidence: ['https://www.hel.fi/'],
        },
      },
      ratings: { KF01: 'in_progress' },
      skips: {},
    });
    expect(
      await store.getMany([
        'people:count',
        'flag:enabled',
        'missing',
        'text:greeting',
        'list:departments',
      ]),
    ).toEqual([
      42,
      true,
      undefined,
      'Hei "maailma"\nrivi 2',
      ['education', 'social-services', 'culture'],
    ]);
    expect(await store.get('record:big')).toEqual({ text: 'x'.repeat(20_000) });
    expect(await store.get('expiring:soon')).toBeUndefined();
    expect(await store.get('expiring:later')).toEqual({ kept: true });
    expect(await open(dir, 'espoo').get('cycle:2027-Q1')).toEqual({ id: '2027-Q1', name: 'Espoo' });
  });

  it('keeps its claims: a held one stays held, an expired one can be won', async () => {
    const store = open(dataDir());
    expect(await store.claim('checkins:2027-W01', 60_000)).toBeNull();
    expect(await store.claim('rollup:2026-W52', 60_000)).not.toBeNull();
  });

  it('takes new writes in the same tables and keys, and stays in WAL mode', async () => {
    const dir = dataDir();
    const store = open(dir);
    await store.set('cycle:2027-Q2', { id: '2027-Q2' });
    await store.set('people:count', 43);
    expect(await store.delete('flag:enabled')).toBe(true);
    await closed(store);

    const again = open(dir);
    expect(await again.getMany(['cycle:2027-Q2', 'people:count', 'flag:enabled'])).toEqual([
      { id: '2027-Q2' },
      43,
      undefined,
    ]);
    await closed(again);

    const db = new DatabaseSync(join(dir, 'tasa.sqlite'), { readOnly: true });
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
        .all();
      expect(tables).toEqual([{ name: 'keyv' }, { name: 'tasa_claims' }]);
      expect(
        db.prepare('SELECT value FROM keyv WHERE key = ?').get('tasa:helsinki:cycle:2027-Q2'),
      ).toEqual({
        value: '{"value":{"id":"2027-Q2"}}',
      });
    } finally {
      db.close();
    }
  });
});
