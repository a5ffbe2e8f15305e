import { itemLine, flagLines } from '../action-plans/messages.ts';
import type { PlanReader } from '../action-plans/reader.ts';
import { tableLines } from '../chat/table.ts';
import type { Block, MessageView } from '../chat/views.ts';
import { departmentTable, keyFactorTable } from '../checkins/status-tables.ts';
import { keyFactorOf } from '../cycles/cycle.ts';
import { departmentName } from '../cycles/cycle.ts';
import { formatDate } from '../i18n/format.ts';
import { daysBetween } from '../shared/dates.ts';
import { percent } from '../shared/numbers.ts';
import { reviewProgressLine } from '../reviews/counts.ts';
import type { RollupData } from './rollup.ts';

/** The roll-up: a short summary for the channel, and the detail for its thread. */
export function rollupMessages(
  v: PlanReader,
  data: RollupData,
  week: string,
): { summary: MessageView; detail: MessageView } {
  const { cycle, status } = data;
  const name = (id: string) => departmentName(cycle, id, v.language);
  const title = v.t('reports:rollup.title', { cycle: cycle.id, week });
  const lines = [
    v.t('reports:rollup.answered', {
      answered: status.answered,
      total: status.total,
      percent: percent(status.answered, status.total),
      due: formatDate(cycle.dueDate, v.language),
    }),
    ...(status.confirmed > 0 ? [v.t('reports:rollup.confirmed', { count: status.confirmed })] : []),
    ...[reviewProgressLine(v.t, status.reviews)].filter((line) => line !== undefined),
    ...(data.late.length > 0
      ? [v.t('reports:rollup.late', { departments: data.late.map(name).join(', ') })]
      : []),
    ...(data.silent.length > 0
      ? [v.t('reports:rollup.silent', { departments: data.silent.map(name).join(', ') })]
      : []),
    v.t('reports:rollup.evidence', { count: data.newEvidence.length }),
    v.t('reports:rollup.actions', {
      overdue: data.overdue.length,
      dueThisWeek: data.dueThisWeek.length,
    }),
    ...(data.flags.length > 0 ? [v.t('reports:rollup.flags', { count: data.flags.length })] : []),
  ];
  const summary: MessageView = {
    text: [title, ...lines].join('\n'),
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: lines.join('\n') },
      { type: 'context', text: v.t('reports:rollup.seeThread') },
    ],
  };

  const keyFactorTitle = (id: string) => {
    const kf = keyFactorOf(cycle, id);
    return kf ? `${kf.number}. ${kf.title[v.language]}` : id;
  };
  const blocks: Block[] = [
    { type: 'header', text: v.t('reports:rollup.perDepartment') },
    departmentTable(v.t, status, name),
    { type: 'header', text: v.t('reports:rollup.perKeyFactor') },
    keyFactorTable(v.t, status, keyFactorTitle),
  ];
  if (data.newEvidence.length > 0) {
    blocks.push({ type: 'header', text: v.t('reports:rollup.newEvidence') });
    blocks.push({
      type: 'links',
      links: data.newEvidence.map((e) => ({
        url: e.url,
        title: `${e.title ?? e.url} (${e.question}, ${name(e.department)}, ${v.nameOf(e.by)})`,
      })),
    });
  }
  if (data.overdue.length > 0) {
    blocks.push({ type: 'header', text: v.t('reports:rollup.overdue') });
    blocks.push({
      type: 'text',
      text: data.overdue
        .map((i) =>
          itemLine(v, i, { item: i, kind: 'overdue', days: daysBetween(i.due, data.today) }),
        )
        .join('\n'),
    });
  }
  if (data.dueThisWeek.length > 0) {
    blocks.push({ type: 'header', text: v.t('reports:rollup.dueThisWeek') });
    blocks.push({
      type: 'text',
      text: data.dueThisWeek
        .map((i) =>
          itemLine(v, i, { item: i, kind: 'dueSoon', days: daysBetween(data.today, i.due) }),
        )
        .join('\n'),
    });
  }
  const flags = flagLines(v, data.flags);
  if (flags.length > 0) {
    blocks.push({ type: 'header', text: v.t('reports:rollup.flagsTitle') });
    blocks.push({ type: 'text', text: flags.join('\n') });
  }
  const detail: MessageView = {
    text: blocks
      .map((b) => (b.type === 'table' ? tableLines(b).join('\n') : 'text' in b ? b.text : ''))
      .filter(Boolean)
      .join('\n'),
    blocks,
  };
  return { summary, detail };
}
