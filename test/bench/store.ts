/**
 * `npm run bench`, third part: the embedded SQLite store on its own, through
 * the Store port the rest of Tasa uses (keyv, JSON, the namespace).
 *
 * Writes, single reads and getMany of records the size of a department's
 * check-in record (about 2 kB of JSON), one call after another as a handler
 * makes them, and single reads 50 at once as concurrent requests make them.
 * It also reports the longest the event loop went without a turn while all
 * records are read by getMany, because the SQLite driver answers
 * synchronously (src/store/sqlite.ts says why that is fine).
 *
 * Prints a Markdown table of operations per second (median of 5 runs after a
 * warm-up); it has no targets, it is there to compare drivers and versions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { markdownTable, thousands, time, type Row } from './measure.ts';

const runs = 5;
const records = 2_000;
const batch = 100;
const concurrent = 50;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** A record shaped like a department's answers in one cycle, about 2 kB as JSON. */
const record = (n: number) => ({
  department: `department-${n}`,
  answers: Object.fromEntries(
    Array.from({ length: 12 }, (_, q) => [
      `KF0${(q % 9) + 1}.Q${q + 1}`,
      {
        status: ['yes', 'partly', 'no'][q % 3],
        by: `slack:U0${n}${q}`,
        at: '2027-01-04T09:00:00.000Z',
        evidence: [`https://www.example.org/department-${n}/evidence-${q}`],
      },
    ]),
  ),
  ratings: { KF01: 'in_progress', KF06: 'started' },
  skips: {},
});

/** The longest the event loop went without a turn while `work` ran, in milliseconds. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const ticker = setInterval(tick, 1);
  await work();
  clearInterval(ticker);
  tick();
  return longest;
}

const dir = mkdtempSync(join(tmpdir(), 'tasa-bench-store-'));
const store = openStore({
  url: `sqlite://${join(dir, 'store.sqlite')}`,
  dataDir: dir,
  namespace: 'bench',
  clock: systemClock,
});
try {
  const keys = Array.from({ length: records }, (_, i) => `record:${i}`);
  const values = keys.map((_, i) => record(i));
  log(`store bench: ${thousands(records)} records of ${JSON.stringify(values[0]).length} bytes …`);
  // Reads in a fixed shuffled order (Fisher–Yates on a small LCG), so they do not walk the index.
  const shuffled = [...keys];
  let seed = 7;
  for (let i = shuffled.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }

  const writes = await time(runs, async () => {
    for (const [i, key] of keys.entries()) await store.set(key, values[i]);
  });
  const reads = await time(runs, async () => {
    for (const key of shuffled) await store.get(key);
  });
  const together = await time(runs, async () => {
    for (let i = 0; i < shuffled.length; i += concurrent)
      await Promise.all(shuffled.slice(i, i + concurrent).map((key) => store.get(key)));
  });
  const readAll = async (): Promise<void> => {
    for (let i = 0; i < shuffled.length; i += batch)
      await store.getMany(shuffled.slice(i, i + batch));
  };
  const many = await time(runs, readAll);
  const stall = await longestStall(readAll);

  const perSecond = (ops: number, seconds: number): string =>
    `${thousands(Math.round(ops / seconds))}/s`;
  const spread = (ops: number, t: { min: number; max: number }): string =>
    `${thousands(Math.round(ops / t.max))} – ${thousands(Math.round(ops / t.min))}`;
  const rows: Row[] = [
    {
      measure: 'writes (set), one after another',
      value: perSecond(records, writes.median),
      spread: spread(records, writes),
    },
    {
      measure: 'reads (get), one after another',
      value: perSecond(records, reads.median),
      spread: spread(records, reads),
    },
    {
      measure: `reads (get), ${concurrent} at once`,
      value: perSecond(records, together.median),
      spread: spread(records, together),
    },
    {
      measure: `getMany of ${batch} keys (calls)`,
      value: perSecond(records / batch, many.median),
      spread: `${perSecond(records, many.median)} records`,
    },
    {
      measure: `longest event-loop stall, all ${thousands(records)} by getMany`,
      value: `${stall.toFixed(1)} ms`,
      spread: 'timer ticks every 1 ms',
    },
  ];
  process.stdout.write(`\n${markdownTable(rows)}\n`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
