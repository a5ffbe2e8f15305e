import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { createItems } from '../../src/action-plans/repository.ts';
import { emptyRecord, recordKey } from '../../src/checkins/record-repository.ts';
import { runCli } from '../../src/cli/run.ts';
import type { Cycle } from '../../src/cycles/cycle.ts';
import { saveCycle } from '../../src/cycles/repository.ts';
import { createDirectory } from '../../src/people/directory.ts';
import { exportFiles, fileBytes, fileText } from '../../src/reports/export/index.ts';
import { exportCycle, gatherExport, type ExportOptions } from '../../src/reports/gather-export.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';
import { firstQuarter } from '../helpers/fixtures.ts';

/*
 * `tasa export` writes the files a piece at a time and `/tasa export` uploads
 * them built in memory; both must give the same bytes as the export's text,
 * also where a long text with multi-byte characters (ä, €, emoji) runs across
 * the pieces the files are written in.
 */

const now = new Date('2027-04-05T12:30:00.000Z');
const config = parsedConfig();
const { i18n, t, catalogue } = i18nFor('en');
const store = openStore({
  url: 'memory:',
  dataDir: '.',
  namespace: 'test',
  clock: fixedClock(now),
});
const cycle: Cycle = firstQuarter(config, catalogue);
/** Far longer than a write's 64 KiB, and with characters of one to four bytes. */
const longText = 'Yhdenvertaisuus – ääkköset, € ja 😀. '.repeat(4_000);
const options: ExportOptions = {
  store,
  config,
  catalogue,
  i18n,
  directory: createDirectory(config, ['slack', 'teams']),
  cycle,
  language: 'en',
  now,
};

beforeAll(async () => {
  await saveCycle(store, cycle);
  const education = emptyRecord(cycle.id, 'education');
  education.answers['KF01.Q1'] = {
    status: 'partly',
    explanation: longText,
    evidence: [{ url: 'https://example.fi/ääkköset', title: 'Selvitys 😀' }],
    by: 'slack:UEDU1',
    at: '2027-01-10T09:15:00.000Z',
    late: false,
    revision: 1,
    history: [],
  };
  await store.set(recordKey(cycle.id, 'education'), education);
  const item: Omit<ActionItem, 'id'> = {
    title: 'Koulutus esihenkilöille – 😀',
    description: longText.slice(0, 500),
    serves: [{ framework: 'integrating-cities', item: 'KF01' }],
    department: 'education',
    owners: ['slack:UEDU1'],
    due: '2027-06-30',
    status: 'planned',
    notes: [],
    evidence: [],
    created: { by: 'slack:UCOORD', at: '2027-01-20T08:00:00.000Z' },
    history: [],
  };
  await createItems(
    store,
    Array.from({ length: 300 }, () => item),
  );
});
afterAll(() => store.close());

describe('the export as files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tasa-export-'));
    // The report says when it was made; the command and the upload must agree on it.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tasa export writes the same bytes /tasa export uploads, and both are the text as UTF-8', async () => {
    const out: string[] = [];
    const code = await runCli(['export', '--out', dir], {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      t,
      language: 'en',
      defaultConfigPath: join(dir, 'tasa.yaml'),
      catalogue,
      openOrganization: async () => ({
        config,
        store,
        directory: options.directory,
        today: '2027-04-05',
        close: async () => undefined,
      }),
    });
    expect(code, out.join('\n')).toBe(0);

    const uploaded = await exportCycle(options);
    const texts = exportFiles(await gatherExport(options)).map((f) => [f.name, fileText(f)]);
    expect(readdirSync(dir).sort()).toEqual(uploaded.map((f) => f.name).sort());
    for (const [i, file] of uploaded.entries()) {
      const [name, text] = texts[i]!;
      expect(file.name).toBe(name);
      // Compared as bytes: a failure then names the file, not megabytes of text.
      expect(Buffer.compare(file.content, Buffer.from(text!)), name).toBe(0);
      expect(Buffer.compare(readFileSync(join(dir, file.name)), file.content), name).toBe(0);
    }

    const answers = readFileSync(join(dir, 'tasa-2027-Q1-answers.csv'));
    expect(answers.length).toBeGreaterThan(2 * 65_536);
    // The byte order mark Excel needs, then the long answer whole (quoted: it has commas).
    expect([...answers.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(answers.toString('utf8').includes(`,partly,Partly,"${longText}",`)).toBe(true);
    const report = readFileSync(join(dir, 'tasa-2027-Q1-report.html'), 'utf8');
    expect(report.includes(`<p class="explanation">${longText.trim()}</p>`)).toBe(true);
    expect(report.match(/Koulutus esihenkilöille – 😀/g)).toHaveLength(300);
  });

  it('is made again from the start each time it is read', async () => {
    const [answers] = exportFiles(await gatherExport(options));
    expect(fileText(answers!) === fileText(answers!)).toBe(true);
    expect(Buffer.compare(fileBytes(answers!).content, fileBytes(answers!).content)).toBe(0);
  });
});
