import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.ts';
import { ErrorCode, isTasaError } from '../../src/shared/errors.ts';
import { openStore } from '../../src/store/open.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { storeContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'tasa-store-'));

describe('the embedded SQLite store', () => {
  storeContract({ url: `sqlite://${join(dir, 'contract.sqlite')}`, shared: true });

  it('creates its file under the data folder on first start and keeps data across a restart', async () => {
    const dataDir = join(dir, 'data');
    const first = openStore({ url: undefined, dataDir, namespace: 'helsinki', clock: systemClock });
    await first.set('answer:education:KF01.Q1', {
      status: 'yes',
      evidence: ['https://www.hel.fi/'],
    });
    const claim = await first.claim('checkins:2027-W01', 3_600_000);
    await first.close();
    expect(existsSync(join(dataDir, 'tasa.sqlite'))).toBe(true);

    const second = openStore({
      url: undefined,
      dataDir,
      namespace: 'helsinki',
      clock: systemClock,
    });
    expect(await second.get('answer:education:KF01.Q1')).toEqual({
      status: 'yes',
      evidence: ['https://www.hel.fi/'],
    });
    expect(claim).not.toBeNull();
    expect(await second.claim('checkins:2027-W01', 3_600_000)).toBeNull();
    await second.close();
  });
});

describe('the embedded SQLite store, while another connection holds the write lock', () => {
  /** Another process's write transaction on the file, until `release` is called. */
  const holdLock = (file: string) => {
    const other = new DatabaseSync(file);
    other.exec('BEGIN IMMEDIATE');
    return () => {
      other.exec('COMMIT');
      other.close();
    };
  };

  it('waits for it without holding up the event loop, then writes', async () => {
    const file = join(dir, 'locked.sqlite');
    const store = openStore({
      url: `sqlite://${file}`,
      dataDir: dir,
      namespace: 'n',
      clock: systemClock,
    });
    await store.set('record', 1);
    const release = holdLock(file);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    setTimeout(release, 500);
    const started = Date.now();
    await store.set('record', 2);
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    // Timers kept firing while the write waited (about 50 in 500 ms; a blocked loop fires none).
    expect(ticks).toBeGreaterThan(20);
    expect(await store.get('record')).toBe(2);
    await store.close();
  });

  it('refuses a call that waited longer than its limit', async () => {
    const file = join(dir, 'held.sqlite');
    const adapter = new SqliteStore(file, 300);
    await adapter.set('tasa:n:record', '{"value":1}');
    const release = holdLock(file);
    const started = Date.now();
    const error = await adapter.set('tasa:n:record', '{"value":2}').catch((e: unknown) => e);
    const waited = Date.now() - started;
    release();
    expect(error).toMatchObject({ errcode: 5 });
    expect(waited).toBeGreaterThanOrEqual(200);
    expect(waited).toBeLessThan(1_000);
    expect(await adapter.get('tasa:n:record')).toBe('{"value":1}');
    await adapter.disconnect();
  });

  it('reports a file it cannot open as unavailable, not as a crash', async () => {
    // A folder where the file should be.
    const store = openStore({
      url: `sqlite://${dir}`,
      dataDir: dir,
      namespace: 'n',
      clock: systemClock,
    });
    const error = await store.get('record').catch((e: unknown) => e);
    expect(isTasaError(error, ErrorCode.StoreUnavailable)).toBe(true);
    await store.close();
  });
});

describe('the in-memory store', () => {
  storeContract({ url: 'memory:', shared: false });
});
