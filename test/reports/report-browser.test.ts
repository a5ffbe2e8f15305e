import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem } from '../../src/action-plans/item.ts';
import { answerStatuses } from '../../src/checkins/answer.ts';
import { emptyRecord, type DepartmentRecord } from '../../src/checkins/record-repository.ts';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import type { Cycle } from '../../src/cycles/cycle.ts';
import { createI18n, translatorFor } from '../../src/i18n/create.ts';
import { readResources } from '../../src/i18n/resources.ts';
import { exportFiles, fileText } from '../../src/reports/export/index.ts';
import { parsedConfig } from '../helpers/world.ts';
import { firstQuarter } from '../helpers/fixtures.ts';

const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium)
  console.warn(
    `report-browser.test.ts is skipped: no Chromium at ${executablePath}. Install it with \`apt-get install chromium\` (Debian/Ubuntu) to run it.`,
  );

/** axe-core's engine as a script to run in the page. */
const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

interface AxeViolation {
  id: string;
  impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Where the screenshot lands for people to look at (ignored by git). */
const outputDir = fileURLToPath(new URL('./output/', import.meta.url));

const i18n = createI18n(readResources(), 'en');
const catalogue = loadCatalogue(i18n);
const config = parsedConfig();
const cycle: Cycle = firstQuarter(config, catalogue);
const people: Record<string, string> = {
  'slack:UEDU1': 'Eeva Opettaja',
  'slack:UEDU2': 'Erkki Rehtori',
  'slack:UCULT1': 'Kalle Kulttuuri',
};

/** A cycle half-way: some answers (one late, one hostile), a rating, a skip. */
function records(): Map<string, DepartmentRecord> {
  const education = emptyRecord(cycle.id, 'education');
  const kf01 = cycle.keyFactors.find((kf) => kf.id === 'KF01')!;
  kf01.questions.slice(0, 3).forEach((question, i) => {
    education.answers[question.id] = {
      status: answerStatuses[i]!,
      explanation:
        i === 1
          ? '<script>alert("x")</script> & <img src="https://tracker.example/x.png">'
          : 'The council adopted the equality plan in 2026.\nThe mayor repeats it in every budget speech.',
      evidence:
        i === 0
          ? [{ url: 'https://www.example.fi/equality-plan', title: 'Equality plan 2026–2029' }]
          : [],
      by: i === 2 ? 'slack:UEDU2' : 'slack:UEDU1',
      at: `2027-0${i + 1}-15T09:00:00.000Z`,
      late: false,
      revision: 1,
      history: [],
    };
  });
  education.answers['KF01.Q3']!.late = true;
  education.answers['KF01.Q3']!.at = '2027-04-02T09:00:00.000Z';
  education.ratings['KF01'] = {
    rating: 'in_progress',
    limitingFactors: ['CF5'],
    note: 'The budget for 2027 was cut.',
    by: 'slack:UEDU1',
    at: '2027-02-20T10:00:00.000Z',
    late: false,
    history: [],
  };
  education.skips['KF06'] = {
    reason: 'Recruitment is handled by HR for the whole city.',
    by: 'slack:UEDU2',
    at: '2027-01-20T08:00:00.000Z',
  };
  return new Map([['education', education]]);
}

const items: ActionItem[] = [
  {
    id: 'A1',
    title: 'Publish the commitment in plain language',
    description: '',
    serves: [{ framework: 'integrating-cities', item: 'KF01' }],
    department: 'education',
    owners: ['slack:UEDU1'],
    due: '2027-06-30',
    status: 'in_progress',
    notes: [],
    evidence: [],
    created: { by: 'slack:UEDU1', at: '2027-02-01T08:00:00.000Z' },
    history: [],
  },
];

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let reportUrl: string;

  beforeAll(async () => {
    const report = exportFiles({
      organization: 'Testikaupunki',
      language: 'en',
      t: translatorFor(i18n, 'en'),
      cycle,
      records: records(),
      items,
      catalogue,
      nameOf: (key) => people[key] ?? key,
      generatedAt: new Date('2027-04-05T12:30:00.000Z'),
      timeZone: 'Europe/Helsinki',
      staleAfterMonths: 24,
    }).find((f) => f.name.endsWith('report.html'))!;
    dir = mkdtempSync(join(tmpdir(), 'tasa-report-'));
    const path = join(dir, report.name);
    writeFileSync(path, fileText(report));
    reportUrl = pathToFileURL(path).href;
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows every key factor heading, runs nothing, fetches nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    await page.goto(reportUrl, { waitUntil: 'load' });

    const headings = await page.locator('h2').allInnerTexts();
    for (const kf of cycle.keyFactors) expect(headings).toContain(`${kf.number}. ${kf.title.en}`);
    expect(await page.locator('h2[id^="KF"]').count()).toBe(cycle.keyFactors.length);
    // What people wrote is text on the page, not markup.
    expect(await page.locator('script, img').count()).toBe(0);
    await expect
      .poll(() => page.getByText('<script>alert("x")</script>', { exact: false }).count())
      .toBe(1);
    expect(requests).toEqual([reportUrl]);

    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'report.png'), fullPage: true });
    // The print layout, for people to check the page breaks.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(outputDir, 'report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(cycle.keyFactors.length);
    expect(requests).toEqual([reportUrl]);
    await context.close();
  }, 60_000);

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.2 AA)', async () => {
    // The report forbids scripts; axe is let in for this check only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(reportUrl, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const options = {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    };
    // A string, evaluated in the page: this project's types know no DOM.
    const violations = await page.evaluate<unknown>(
      `axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations)`,
    );
    const grave = (violations as AxeViolation[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    expect(grave).toEqual([]);
    // Nor a moderate or minor one: the heading order and the main landmark were fixed once.
    expect((violations as AxeViolation[]).map((v) => `${v.id} (${v.impact})`)).toEqual([]);
    await context.close();
  }, 60_000);
});
