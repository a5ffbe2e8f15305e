import { createRequire } from 'node:module';
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { tableLines } from '../../src/chat/table.ts';
import type { MessageView } from '../../src/chat/views.ts';
import { departmentTable, keyFactorTable } from '../../src/checkins/status-tables.ts';
import type { CycleStatus } from '../../src/checkins/status.ts';
import { toBlocks } from '../../src/slack/render/blocks.ts';
import { messageCard } from '../../src/teams/render/card.ts';
import { i18nFor } from '../helpers/i18n.ts';

/*
 * A table in a status or roll-up: an Adaptive Card 1.5 Table that the
 * Adaptive Cards parser reads without a complaint, and lines of text in Slack
 * within Block Kit's limits, however many departments a city has.
 */

// The package's ES build imports without file extensions, which Node cannot load; its bundle can.
const AdaptiveCards = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
};

function cardProblems(card: unknown): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const events = Array.from(
    { length: context.eventCount },
    (_, i) => context.getEventAt(i).message,
  );
  return [...events, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

const { t } = i18nFor('en');

function cityStatus(departments: number): CycleStatus {
  return {
    cycle: '2027-Q1',
    dueDate: '2027-02-15',
    open: true,
    answered: 10,
    confirmed: 0,
    total: departments * 11,
    reviews: { not_reviewed: 10, changes_requested: 0, accepted: 0 },
    departments: Array.from({ length: departments }, (_, i) => ({
      department: `d${i + 1}`,
      answered: i % 3,
      total: 11,
      late: i % 2,
      skipped: i % 5 === 0 ? ['KF04'] : [],
      rated: 0,
      keyFactors: 2,
      confirmed: 0,
      scores: {},
      ratings: {},
      reviews: { not_reviewed: 0, changes_requested: 0, accepted: 0 },
    })),
    keyFactors: [
      {
        keyFactor: 'KF01',
        answered: 3,
        total: 4,
        statuses: { yes: 2, partly: 1, no: 0, dont_know: 0, not_applicable: 0 },
        ratings: { not_started: 0, started: 1, in_progress: 0, achieved: 0 },
        skipped: 0,
        reviews: { not_reviewed: 3, changes_requested: 0, accepted: 0 },
      },
    ],
  };
}

function view(departments: number): MessageView {
  const status = cityStatus(departments);
  const name = (id: string) => `Department ${id.slice(1)} with a fairly long name`;
  const blocks = [
    { type: 'header' as const, text: 'Per department' },
    departmentTable(t, status, name),
    { type: 'header' as const, text: 'Per key factor' },
    keyFactorTable(t, status, () => '1. Public commitment'),
  ];
  return { text: 'Roll-up', blocks };
}

const texts = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'section' && b.text ? [b.text.text] : b.type === 'header' ? [b.text.text] : [],
  );

describe('tables', () => {
  it('are Adaptive Card 1.5 Tables in Teams, with a header row of the column labels', () => {
    const card = messageCard(view(3));
    expect(cardProblems(card)).toEqual([]);
    // The parser does complain about what Teams would not show.
    expect(cardProblems({ ...card, body: [{ type: 'Tabel' }] })).not.toEqual([]);
    const tables = card.body.filter((e) => e['type'] === 'Table') as {
      rows: { cells: { items: { inlines: { text: string }[] }[] }[] }[];
    }[];
    expect(tables).toHaveLength(2);
    const cells = (row: number) =>
      tables[0]!.rows[row]!.cells.map((c) => c.items[0]?.inlines[0]?.text ?? '');
    expect(cells(0)).toEqual(['Department', 'Answered', 'Late', 'Skipped', 'Rated', 'Score']);
    expect(cells(1)).toEqual([
      'Department 1 with a fairly long name',
      '0/11 (0 %)',
      '0',
      '1',
      '0/2',
      // Nothing answered, nothing to score: the cell stays empty.
      '',
    ]);
    expect(JSON.stringify(card)).not.toContain('"type":"TextBlock"');
  });

  it('cut a long list with “and N more — see the report”', () => {
    const table = departmentTable(t, cityStatus(40), (id) => id);
    expect(table.rows).toHaveLength(25);
    expect(table.more).toBe('and 15 more — see the report');
    const card = messageCard(view(40));
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('and 15 more — see the report');
  });

  it('are lines of text in Slack, without zero counts, within Block Kit’s limits', () => {
    const lines = tableLines(departmentTable(t, cityStatus(2), (id) => id));
    expect(lines).toEqual([
      'd1: Answered 0/11 (0 %) · Skipped 1 · Rated 0/2',
      'd2: Answered 1/11 (9 %) · Late 1 · Rated 0/2',
    ]);

    const blocks = toBlocks(view(40));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const text of texts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    for (const block of blocks)
      if (block.type === 'section' && block.fields)
        expect(block.fields.length).toBeLessThanOrEqual(10);
    const all = texts(blocks).join('\n');
    expect(all).toContain('d25 with a fairly long name'.replace('d25', 'Department 25'));
    expect(all).not.toContain('Department 26 ');
    expect(all).toContain('and 15 more — see the report');
  });

  it('split into several sections when the lines need more than 3000 characters', () => {
    const long = (id: string) => `${id} ${'x'.repeat(200)}`;
    const blocks = toBlocks({
      text: '',
      blocks: [departmentTable(t, cityStatus(25), long)],
    });
    expect(blocks.length).toBeGreaterThan(1);
    for (const text of texts(blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts(blocks).join('\n').split('\n')).toHaveLength(25);
  });
});
