import { itemLine } from '../action-plans/messages.ts';
import type { PlanReader } from '../action-plans/reader.ts';
import type { Block, MessageView } from '../chat/views.ts';
import { departmentName, keyFactorOf } from '../cycles/cycle.ts';
import { daysBetween } from '../shared/dates.ts';
import { percent } from '../shared/numbers.ts';
import type { HeatmapBasis } from '../config/schema.ts';
import { reviewProgressLine } from '../reviews/counts.ts';
import type { DigestData } from './digest.ts';
import { heatmapBlock } from './digest-heatmap.ts';
import { scoreBlocks, scoreHeadline } from './digest-scores.ts';

export { heatmapBlock } from './digest-heatmap.ts';

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** The steering group's weekly digest: headline numbers and changes, the picture, actions, highlights. */
export function digestMessage(
  v: PlanReader,
  data: DigestData,
  organization: string,
  week: string,
  date: string,
  heatmap: HeatmapBasis = 'ratings',
): MessageView {
  const { cycle, status, now, lastWeek, previous } = data;
  const name = (id: string) => departmentName(cycle, id, v.language);
  const title = v.t('reports:digest.title', { organization, week });
  const headline = [
    v.t('reports:digest.headline', {
      cycle: cycle.id,
      answered: status.answered,
      total: status.total,
      percent: percent(status.answered, status.total),
      complete: now.complete,
      departments: cycle.departments.length,
    }),
    lastWeek
      ? v.t('reports:digest.sinceLastWeek', {
          answered: signed(now.answered - (lastWeek.cycle === now.cycle ? lastWeek.answered : 0)),
          complete: signed(now.complete - (lastWeek.cycle === now.cycle ? lastWeek.complete : 0)),
          done: signed(now.done - lastWeek.done),
        })
      : v.t('reports:digest.sinceLastWeekFirst'),
    ...(status.confirmed > 0 ? [v.t('reports:digest.confirmed', { count: status.confirmed })] : []),
    ...(previous
      ? [
          v.t('reports:digest.sincePreviousCycle', {
            previous: previous.cycle.id,
            percent: percent(previous.status.answered, previous.status.total),
            achieved: data.achieved,
            achievedBefore: previous.achieved,
          }),
        ]
      : []),
    scoreHeadline(v, data),
    v.t('reports:digest.actions', {
      open: data.openItems,
      overdue: data.overdue.length,
      done: now.done,
    }),
  ];
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: headline.join('\n') },
    heatmapBlock(v, data, organization, date, heatmap),
    ...scoreBlocks(v, data),
  ];

  if (data.overdue.length > 0) {
    const byDepartment = new Map<string, string[]>();
    for (const item of data.overdue) {
      const key = item.department ? name(item.department) : '—';
      const line = itemLine(v, item, {
        item,
        kind: 'overdue',
        days: daysBetween(item.due, data.today),
      });
      byDepartment.set(key, [...(byDepartment.get(key) ?? []), line]);
    }
    blocks.push({ type: 'header', text: v.t('reports:digest.overdueByDepartment') });
    blocks.push({
      type: 'fields',
      fields: [...byDepartment].map(([label, lines]) => ({ label, value: lines.join('\n') })),
    });
  }
  blocks.push({ type: 'header', text: v.t('reports:digest.deadlines') });
  blocks.push({
    type: 'text',
    text:
      data.deadlines.length > 0
        ? data.deadlines.map((i) => itemLine(v, i)).join('\n')
        : v.t('reports:digest.noDeadlines'),
  });

  const highlights = [
    ...data.movedUp.slice(0, 1).map((m) => {
      const kf = keyFactorOf(cycle, m.keyFactor);
      return v.t('reports:digest.highlightKeyFactorUp', {
        keyFactor: kf ? `${kf.number}. ${kf.title[v.language]}` : m.keyFactor,
        count: m.count,
        previous: previous?.cycle.id ?? '',
      });
    }),
    ...(data.completedThisWeek.length > 0
      ? [
          v.t('reports:digest.highlightCompleted', {
            departments: data.completedThisWeek.map(name).join(', '),
          }),
        ]
      : []),
    ...(data.doneThisWeek > 0
      ? [v.t('reports:digest.highlightDone', { count: data.doneThisWeek })]
      : []),
    ...(data.evidenceThisWeek > 0
      ? [v.t('reports:digest.highlightEvidence', { count: data.evidenceThisWeek })]
      : []),
  ].slice(0, 3);
  // Where the peer review stands, once reviewers have begun: beside, not instead of, the week's news.
  const reviewed = reviewProgressLine(v.t, data.status.reviews);
  if (reviewed) highlights.push(reviewed);
  blocks.push({ type: 'header', text: v.t('reports:digest.highlights') });
  blocks.push({
    type: 'text',
    text:
      highlights.length > 0
        ? highlights.map((h) => `• ${h}`).join('\n')
        : v.t('reports:digest.noHighlights'),
  });
  return { text: [title, ...headline].join('\n'), blocks };
}
