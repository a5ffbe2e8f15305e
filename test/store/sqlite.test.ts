import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
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

describe('the in-memory store', () => {
  storeContract({ url: 'memory:', shared: false });
});
