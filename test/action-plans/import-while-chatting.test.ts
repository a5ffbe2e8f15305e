import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { planSummaryKey, type PlanSummary } from '../../src/action-plans/briefs.ts';
import { allItems, itemBriefs } from '../../src/action-plans/repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { cliOn } from '../helpers/cli.ts';
import { createWorld } from '../helpers/world.ts';
import { contractMeasure } from '../helpers/fixtures.ts';

/*
 * A long import while a coordinator creates items in chat: every item must
 * survive under an id of its own. Writing an item takes a tenth of a second
 * of store time here, so an import of 600 rows takes a minute of it, four
 * times the lifetime of a lock that is not renewed.
 */

const rows = 600;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The store, with every write of an action item slow: the clock moves on a
 * tenth of a second an item, and the import's writes wait, once it has
 * written 200 items (20 s, past a lock's lifetime), until `chatted` resolves.
 */
function slowItemWrites(
  store: Store,
  clock: { advance(ms: number): void },
  chatted: Promise<unknown>,
): Store {
  let imported = 0;
  const slow = async (entries: readonly { key: string; value: unknown }[]): Promise<void> => {
    const items = entries.filter((e) => e.key.startsWith('action:'));
    if (items.length === 0) return;
    clock.advance(items.length * 100);
    await pause(1);
    const title = (value: unknown) => (value as { title?: string }).title ?? '';
    const importing = items.filter((e) => title(e.value).startsWith('Imported')).length;
    imported += importing;
    if (importing > 0 && imported >= 200) await chatted;
  };
  return {
    ...store,
    get: (key) => store.get(key),
    getMany: (keys) => store.getMany(keys),
    set: async (key, value, ttlMs) => {
      await slow([{ key, value }]);
      await store.set(key, value, ttlMs);
    },
    setMany: async (entries) => {
      await slow(entries);
      await store.setMany(entries);
    },
    delete: (key) => store.delete(key),
    claim: (key, ttlMs) => store.claim(key, ttlMs),
    release: (claim) => store.release(claim),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

function planFile(): string {
  const lines = ['title,serves,department,owners,due'];
  for (let i = 1; i <= rows; i++) lines.push(`Imported ${i},KF10,education,UEDU1,2027-06-30`);
  const path = join(mkdtempSync(join(tmpdir(), 'tasa-import-race-')), 'plan.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** What the test wrote to a shared database, so runs leave nothing behind. */
async function dropNamespace(url: string, namespace: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of ['tasa_keyv', 'tasa_claims'])
      await client.query(`DELETE FROM ${table} WHERE key LIKE $1`, [`tasa:${namespace}:%`]);
  } finally {
    await client.end();
  }
}

const backends = [
  { name: 'memory', url: 'memory:' },
  { name: 'PostgreSQL', url: process.env.TASA_TEST_POSTGRES_URL },
];

describe.each(backends)('an import while items are created in chat ($name)', ({ url }) => {
  it.skipIf(!url)('keeps every item, each under an id of its own', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const namespace = `race-${randomUUID()}`;
    const base = openStore({ url, dataDir: '.', namespace, clock });
    // The import goes on once three items were created in chat, or after five seconds.
    let chattedEnough = (): void => undefined;
    const chatted = new Promise<void>((resolve) => {
      chattedEnough = resolve;
      setTimeout(resolve, 5_000);
    });
    const store = slowItemWrites(base, clock, chatted);
    const world = createWorld({ store });
    try {
      const importing = cliOn(() => ({ config: world.config, store, directory: world.directory }))(
        'import',
        'actions',
        planFile(),
      );
      let done = false;
      const finished = importing.finally(() => {
        done = true;
      });

      // The coordinator creates items one after another for as long as the import runs.
      const kaisa = world.person('UCOORD');
      const inChat: string[] = [];
      while (!done) {
        const title = `Created in chat ${inChat.length + 1}`;
        await kaisa.act({ kind: 'actionNew' });
        expect(await kaisa.submit({ ...contractMeasure, title })).toEqual({ ok: true });
        inChat.push(title);
        if (inChat.length === 3) chattedEnough();
      }
      const imported = await finished;
      expect(imported.code).toBe(0);
      expect([...imported.out, ...imported.err][0]).toMatch(/^Imported 600 action item\(s\)/);
      // The race was run: creations in chat while the import was writing.
      expect(inChat.length).toBeGreaterThanOrEqual(3);

      const items = await allItems(base);
      const titles = items.map((item) => item.title);
      const expected = [...Array.from({ length: rows }, (_, i) => `Imported ${i + 1}`), ...inChat];
      expect(titles.toSorted()).toEqual(expected.toSorted());
      expect(new Set(items.map((item) => item.id)).size).toBe(expected.length);
      // Listed in id order, and the briefs and the summary count them all.
      const numbers = items.map((item) => Number(item.id.slice(1)));
      expect(numbers).toEqual(numbers.toSorted((a, b) => a - b));
      expect((await itemBriefs(base)).map((b) => b.id)).toEqual(items.map((item) => item.id));
      const summary = await base.get<PlanSummary>(planSummaryKey);
      expect(summary?.measures['integrating-cities']?.KF10).toBe(expected.length);
    } finally {
      await base.close();
      if (url?.startsWith('postgres')) await dropNamespace(url, namespace);
    }
  });
});
