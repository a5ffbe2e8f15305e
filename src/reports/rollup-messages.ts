import { itemLine, flagLines } from '../action-plans/messages.ts';
import type { PlanReader } from '../action-plans/reader.ts';
import type { Block, MessageView } from '../chat/views.ts';
import { departmentName } from '../cycles/cycle.ts';
import { formatDate } from '../i18n/format.ts';
import { daysBetween } from '../shared/dates.ts';
import { percent } from '../shared/numbers.ts';
import { reviewProgressLine } from '../reviews/counts.ts';
import { keyFactorCounts, type RollupData } from './rollup.ts';
import { scoreWords } from './score-words.ts';

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

  const score = (value: number | undefined) =>
    v.t('reports:rollup.score', { score: scoreWords(v.t, value) });
  const blocks: Block[] = [
    { type: 'header', text: v.t('reports:rollup.perDepartment') },
    {
      type: 'text',
      text: status.departments
        .map((d) =>
          v.t('reports:rollup.department', {
            department: name(d.department),
            answered: d.answered,
            total: d.total,
            percent: percent(d.answered, d.total),
            late: d.late,
            skipped: d.skipped.length,
            rated: d.rated,
            keyFactors: d.keyFactors,
          }),
        )
        .map((line, i) => `${line} · ${score(status.departments[i]?.score)}`)
        .join('\n'),
    },
    { type: 'header', text: v.t('reports:rollup.perKeyFactor') },
    {
      type: 'text',
      text: cycle.keyFactors
        .filter((kf) => status.keyFactors.some((k) => k.keyFactor === kf.id))
        .map((kf) => {
          const counts = keyFactorCounts(status, kf.id);
          const statuses = counts.statuses
            .map(([s, n]) => `${v.t(`common:answerStatus.${s}`)} ${n}`)
            .join(' · ');
          const ratings = counts.ratings
            .filter(([, n]) => n > 0)
            .map(([r, n]) => `${v.t(`common:ratings.${r}`)} ${n}`)
            .join(' · ');
          const line = v.t(ratings ? 'reports:rollup.keyFactorRated' : 'reports:rollup.keyFactor', {
            keyFactor: `${kf.number}. ${kf.title[v.language]}`,
            statuses,
            ratings,
          });
          const kfScore = status.keyFactors.find((k) => k.keyFactor === kf.id)?.score;
          return `${line} · ${score(kfScore)}`;
        })
        .join('\n'),
    },
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
      .map((b) => ('text' in b ? b.text : ''))
      .filter(Boolean)
      .join('\n'),
    blocks,
  };
  return { summary, detail };
}
