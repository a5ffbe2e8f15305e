import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/action-plans/csv.ts';
import type { ActionItem } from '../../src/action-plans/item.ts';
import type { Answer } from '../../src/checkins/answer.ts';
import { emptyRecord, type DepartmentRecord } from '../../src/checkins/record-repository.ts';
import type { Cycle } from '../../src/cycles/cycle.ts';
import { createI18n, translatorFor } from '../../src/i18n/create.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { readResources } from '../../src/i18n/resources.ts';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { csvField } from '../../src/reports/export/csv.ts';
import { escapeHtml } from '../../src/reports/export/html.ts';
import { exportFiles, fileText, type ExportInput } from '../../src/reports/export/index.ts';
import { parsedConfig } from '../helpers/world.ts';
import { firstQuarter } from '../helpers/fixtures.ts';

const i18n = createI18n(readResources(), 'en');
const catalogue = loadCatalogue(i18n);
const config = parsedConfig();
const cycle: Cycle = firstQuarter(config, catalogue);

const people: Record<string, string> = {
  'slack:UEDU1': 'Eeva Opettaja',
  'slack:UEDU2': 'Erkki Rehtori',
  'slack:UCULT1': 'Kalle Kulttuuri',
  'slack:UCOORD': 'Kaisa Koordinaattori',
};

const answer = (fields: Partial<Answer> & Pick<Answer, 'status' | 'by' | 'at'>): Answer => ({
  explanation: '',
  evidence: [],
  late: false,
  revision: 1,
  history: [],
  ...fields,
});

function records(): Map<string, DepartmentRecord> {
  const education = emptyRecord(cycle.id, 'education');
  education.answers['KF01.Q1'] = answer({
    status: 'yes',
    explanation: 'Council approved it, see "Strategy 2026"\nand the mayor’s speech.',
    evidence: [
      { url: 'https://www.example.fi/strategy?x=1&y=2', title: 'City strategy, 2026' },
      // Added more than 24 months before the export: possibly out of date.
      { url: 'https://example.org/minutes.pdf', addedAt: '2025-01-15T08:00:00.000Z' },
    ],
    by: 'slack:UEDU1',
    at: '2027-01-10T09:15:00.000Z',
    revision: 2,
    confirmedFrom: '2026-Q4',
  });
  education.answers['KF01.Q2'] = answer({
    status: 'partly',
    explanation: '<script>alert("x")</script> & the rest',
    evidence: [{ url: 'javascript:alert(1)', title: 'bad <b>link</b>' }],
    by: 'slack:UEDU2',
    at: '2027-04-02T10:00:00.000Z',
    late: true,
  });
  education.ratings['KF01'] = {
    rating: 'started',
    limitingFactors: ['CF5', 'CF6'],
    note: 'Budget, cuts',
    by: 'slack:UEDU1',
    at: '2027-01-12T12:00:00.000Z',
    late: false,
    history: [],
  };
  education.skips['KF06'] = {
    reason: 'Handled by HR, not us',
    by: 'slack:UEDU2',
    at: '2027-01-11T08:00:00.000Z',
  };
  const culture = emptyRecord(cycle.id, 'culture');
  culture.answers['KF04.Q1'] = answer({
    status: 'no',
    explanation: '=SUM(A1:A9)',
    by: 'slack:UCULT1',
    at: '2027-02-01T07:30:00.000Z',
  });
  return new Map([
    ['education', education],
    ['culture', culture],
  ]);
}

const items: ActionItem[] = [
  {
    id: 'A1',
    title: 'Publish the commitment, in plain words',
    description: 'Mayor signs; "one city" campaign',
    serves: [
      { framework: 'integrating-cities', item: 'KF01' },
      { framework: 'eccar-10-point', item: 'ECCAR06' },
    ],
    department: 'education',
    owners: ['slack:UEDU1', 'slack:UEDU2'],
    start: '2027-02-01',
    due: '2027-06-30',
    status: 'in_progress',
    notes: [
      { text: 'Draft ready', by: 'slack:UEDU1', at: '2027-02-10T10:00:00.000Z' },
      { text: 'Sent to the board', by: 'slack:UEDU2', at: '2027-03-01T10:00:00.000Z' },
    ],
    evidence: [{ url: 'https://example.org/draft', title: 'Draft' }],
    created: { by: 'slack:UCOORD', at: '2027-01-20T08:00:00.000Z' },
    history: [
      {
        field: 'due',
        from: '2027-05-31',
        to: '2027-06-30',
        reason: 'Board meets in June',
        by: 'slack:UCOORD',
        at: '2027-02-15T08:00:00.000Z',
      },
    ],
  },
  {
    id: 'A2',
    title: 'Anti-racism training for librarians',
    description: '',
    serves: [{ framework: 'integrating-cities', item: 'KF04' }],
    department: 'culture',
    owners: ['slack:UCULT1'],
    due: '2027-04-30',
    status: 'done',
    notes: [],
    evidence: [],
    created: { by: 'slack:UCULT1', at: '2027-01-21T08:00:00.000Z' },
    history: [],
  },
];

function input(language: Language = 'en'): ExportInput {
  return {
    organization: 'Testikaupunki & co',
    language,
    t: translatorFor(i18n, language),
    cycle,
    records: records(),
    items,
    catalogue,
    nameOf: (key) => people[key] ?? key,
    generatedAt: new Date('2027-04-05T12:30:00.000Z'),
    timeZone: 'Europe/Helsinki',
    staleAfterMonths: 24,
  };
}

const file = (language: Language, suffix: string): string => {
  const found = exportFiles(input(language)).find((f) => f.name.endsWith(suffix));
  expect(found, suffix).toBeDefined();
  return fileText(found!);
};
const lines = (content: string): string[] => content.split('\r\n');

describe('the export', () => {
  it('gives five files named by the cycle', () => {
    expect(exportFiles(input()).map((f) => [f.name, f.mediaType])).toEqual([
      ['tasa-2027-Q1-answers.csv', 'text/csv; charset=utf-8; header=present'],
      ['tasa-2027-Q1-ratings.csv', 'text/csv; charset=utf-8; header=present'],
      ['tasa-2027-Q1-actions.csv', 'text/csv; charset=utf-8; header=present'],
      ['tasa-2027-Q1-action-history.csv', 'text/csv; charset=utf-8; header=present'],
      ['tasa-2027-Q1-report.html', 'text/html; charset=utf-8'],
    ]);
  });
});

describe('CSV fields', () => {
  it('are quoted as RFC 4180 says, and never start a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-3, or so')).toBe(`"'-3, or so"`);
    expect(csvField('')).toBe('');
  });
});

describe('answers.csv', () => {
  const content = file('en', '-answers.csv');

  it('starts with a byte order mark and English column ids, and ends lines in CRLF', () => {
    expect(content.startsWith('\uFEFFcycle,department_id,department,key_factor_id,')).toBe(true);
    expect(lines(content)[0]).toBe(
      '\uFEFFcycle,department_id,department,key_factor_id,key_factor,question_id,question,' +
        'status_code,status,explanation,evidence,answered_by,answered_by_id,answered_at,late,revisions,' +
        'confirmed_from,evidence_possibly_out_of_date,' +
        'review_code,review,review_comment,reviewed_by,reviewed_at',
    );
    expect(content.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(content).toContain(
      '\r\n2027-Q1,education,Education,KF01,Public commitment,KF01.Q1,' +
        "Has a public statement been made of your city's commitment to anti-discrimination?," +
        'yes,Yes,"Council approved it, see ""Strategy 2026""\nand the mayor’s speech.",' +
        '"City strategy, 2026 (https://www.example.fi/strategy?x=1&y=2) | https://example.org/minutes.pdf",' +
        'Eeva Opettaja,slack:UEDU1,2027-01-10T09:15:00.000Z,no,2,2026-Q4,1,not_reviewed,Not reviewed,,,\r\n',
    );
    expect(content).toContain(
      ',KF01.Q2,Do political leaders frequently refer to this commitment?,partly,Partly,' +
        '"<script>alert(""x"")</script> & the rest",bad <b>link</b> (javascript:alert(1)),' +
        'Erkki Rehtori,slack:UEDU2,2027-04-02T10:00:00.000Z,yes,1,,0,not_reviewed,Not reviewed,,,\r\n',
    );
    // A question with a comma and line breaks (KF06.Q2) stays one field.
    expect(content).toContain(
      ',KF06.Q2,"Do these principles include access to redress in cases of discrimination at each of these levels:\n- recruitment\n',
    );
    expect(content).toContain(",no,No,'=SUM(A1:A9),,Kalle Kulttuuri,slack:UCULT1,");
  });

  it('has every question of every department once, answered or not', () => {
    const rows = parseCsv(content).slice(1);
    const expected = cycle.departments.flatMap((d) =>
      cycle.keyFactors
        .filter((kf) => d.keyFactors.includes(kf.id))
        .flatMap((kf) => kf.questions.map((q) => `${d.id}/${q.id}`)),
    );
    expect(rows.map((r) => `${r.fields[1]}/${r.fields[5]}`)).toEqual(expected);
    expect(expected).toHaveLength(4 + 7 + 3);
    const unanswered = rows.find((r) => r.fields[5] === 'KF01.Q3')!.fields;
    expect(unanswered.slice(7)).toEqual(Array.from({ length: 16 }, () => ''));
    expect(rows.every((r) => r.fields.length === 23)).toBe(true);
  });

  it('has Finnish words in the cells but the same column ids', () => {
    const finnish = file('fi', '-answers.csv');
    expect(lines(finnish)[0]).toBe(lines(content)[0]);
    expect(finnish).toContain(',KF01.Q2,');
    expect(finnish).toContain(',partly,Osittain,');
    expect(finnish).toContain('Kasvatus ja koulutus,KF01,Julkinen sitoumus,');
    expect(finnish).toContain(
      ',2027-04-02T10:00:00.000Z,kyllä,1,,0,not_reviewed,Ei arvioitu,,,\r\n',
    );
  });
});

describe('ratings.csv', () => {
  const content = file('en', '-ratings.csv');

  it('has a rating with its limiting factors, a skip, and an empty row for nothing yet', () => {
    expect(lines(content)).toEqual([
      '\uFEFFcycle,department_id,department,key_factor_id,key_factor,rating_code,rating,score,' +
        'limiting_factor_ids,limiting_factors,note,rated_by,rated_by_id,rated_at,late,skipped,skip_reason,' +
        'skipped_by,skipped_by_id,skipped_at',
      // Score beside the rating: yes and partly, (1 + 0.5) / 2.
      '2027-Q1,education,Education,KF01,Public commitment,started,Started,75,CF5 | CF6,' +
        'City resources | Political situation in the city,"Budget, cuts",Eeva Opettaja,slack:UEDU1,' +
        '2027-01-12T12:00:00.000Z,no,no,,,,',
      expect.stringMatching(
        /^2027-Q1,education,Education,KF06,[^,]+,,,,,,,,,,,yes,"Handled by HR, not us",Erkki Rehtori,slack:UEDU2,2027-01-11T08:00:00\.000Z$/,
      ),
      // Not rated, but scored from its one "no" answer.
      expect.stringMatching(/^2027-Q1,culture,Culture,KF04,[^,]+,,,0,,,,,,,,no,,,,$/),
      '',
    ]);
  });
});

describe('actions.csv and action-history.csv', () => {
  it('has one row per item, with owners by name and the latest note', () => {
    expect(lines(file('en', '-actions.csv'))).toEqual([
      '\uFEFFid,title,description,serves,department_id,department,horizon_code,horizon,means,resources,partners,' +
        'owners,owner_ids,start,due,status_code,status,' +
        'evidence,last_note,last_note_by,last_note_by_id,last_note_at,created_by,created_by_id,created_at',
      'A1,"Publish the commitment, in plain words","Mayor signs; ""one city"" campaign",KF01 | ECCAR06,' +
        'education,Education,,,,,,Eeva Opettaja | Erkki Rehtori,slack:UEDU1 | slack:UEDU2,2027-02-01,2027-06-30,' +
        'in_progress,in progress,Draft (https://example.org/draft),Sent to the board,Erkki Rehtori,slack:UEDU2,' +
        '2027-03-01T10:00:00.000Z,Kaisa Koordinaattori,slack:UCOORD,2027-01-20T08:00:00.000Z',
      'A2,Anti-racism training for librarians,,KF04,culture,Culture,,,,,,Kalle Kulttuuri,slack:UCULT1,,2027-04-30,' +
        'done,done,,,,,,Kalle Kulttuuri,slack:UCULT1,2027-01-21T08:00:00.000Z',
      '',
    ]);
  });

  it('has every change and note, oldest first per item', () => {
    expect(lines(file('en', '-action-history.csv'))).toEqual([
      '\uFEFFitem_id,at,by,by_id,kind,field,from,to,reason,note',
      'A1,2027-01-20T08:00:00.000Z,Kaisa Koordinaattori,slack:UCOORD,created,,,,,',
      'A1,2027-02-10T10:00:00.000Z,Eeva Opettaja,slack:UEDU1,note,,,,,Draft ready',
      'A1,2027-02-15T08:00:00.000Z,Kaisa Koordinaattori,slack:UCOORD,change,due,2027-05-31,2027-06-30,' +
        'Board meets in June,',
      'A1,2027-03-01T10:00:00.000Z,Erkki Rehtori,slack:UEDU2,note,,,,,Sent to the board',
      'A2,2027-01-21T08:00:00.000Z,Kalle Kulttuuri,slack:UCULT1,created,,,,,',
      '',
    ]);
  });
});

describe('report.html', () => {
  const page = file('en', '-report.html');

  it('is one document in the chosen language, with no script and nothing fetched', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/url\(/i);
    expect(page).toContain('@media print');
    expect(page).toContain('<title>Testikaupunki &amp; co · anti-discrimination benchmark');
  });

  it('has a heading “number. title” with the key factor id for every key factor, in order', () => {
    const headings = [...page.matchAll(/<h2 id="(KF\d\d)">([^<]*)<\/h2>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(headings).toEqual(
      cycle.keyFactors.map((kf) => [kf.id, escapeHtml(`${kf.number}. ${kf.title.en}`)]),
    );
    expect(page).toContain('<h2 id="KF01">1. Public commitment</h2>');
    for (const kf of cycle.keyFactors) expect(page).toContain(`href="#${kf.id}"`);
  });

  it('escapes what people wrote, and links only http(s)', () => {
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the rest');
    expect(page).toContain('bad &lt;b&gt;link&lt;/b&gt;: javascript:alert(1)');
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([
      'https://www.example.fi/strategy?x=1&amp;y=2',
      'https://example.org/minutes.pdf',
      'https://example.org/draft',
    ]);
    expect(page).toContain(
      '<a href="https://www.example.fi/strategy?x=1&amp;y=2" rel="noopener">City strategy, 2026</a> <span class="host">(www.example.fi)</span>',
    );
  });

  it('shows answers, rating, limits, skip, late, actions and city examples', () => {
    expect(page).toContain('<span class="badge yes">Yes</span>');
    expect(page).toContain('Eeva Opettaja, 10 January 2027, 11:15');
    expect(page).toContain('<span class="late">after the due date</span>');
    expect(page).toContain(
      'Limiting contextual factors:</strong> City resources, Political situation in the city',
    );
    expect(page).toContain('Handled by HR, not us');
    expect(page).toContain('<span class="confirmed">confirmed, unchanged since 2026-Q4</span>');
    // Only the old link is marked.
    expect(page.match(/<span class="stale">\(possibly out of date\)<\/span>/g)).toHaveLength(1);
    expect(page).toMatch(/minutes\.pdf[^<]*<\/a>[^<]*<span class="stale">/);
    expect(page).toContain('<strong>A1</strong> Publish the commitment, in plain words');
    expect(page).toContain('Examples from other cities');
    expect(page).toContain('<dt>Ghent</dt>');
    expect(page).toContain('Generated on 5 April 2027, 15:30 (Europe/Helsinki)');
    // Summary: the department's own rating in words, answered/total, and the score.
    expect(page).toMatch(
      /<td>Started<span class="count">2\/4 answered<\/span><span class="score">score 75<\/span><\/td>/,
    );
    // A1 serves KF01, not KF04; A2 the other way round.
    const section = (id: string) =>
      page.slice(page.indexOf(`<h2 id="${id}">`)).split('</section>')[0]!;
    expect(section('KF01')).toContain('A1');
    expect(section('KF01')).not.toContain('A2');
    expect(section('KF04')).toContain('A2');
  });

  it('is in Finnish when asked', () => {
    const finnish = file('fi', '-report.html');
    expect(finnish.startsWith('<!doctype html>\n<html lang="fi">')).toBe(true);
    expect(finnish).toContain('Opastavat kysymykset');
    expect(finnish).toContain('Esimerkkejä muista kaupungeista');
    expect(finnish).toContain('<h2 id="KF01">1. Julkinen sitoumus</h2>');
    expect(finnish).toContain('Eeva Opettaja, 10.1.2027 klo 11.15');
    expect(finnish).not.toContain('Guiding questions');
  });

  it('is in Swedish when asked', () => {
    const swedish = file('sv', '-report.html');
    expect(swedish.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
    expect(swedish).toContain('Vägledande frågor');
    expect(swedish).toContain('Exempel från andra städer');
  });
});
