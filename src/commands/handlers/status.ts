import { cycleStatus } from '../../checkins/status.ts';
import { departmentTable } from '../../checkins/status-tables.ts';
import { tableLines } from '../../chat/table.ts';
import { departmentName, keyFactorOf } from '../../cycles/cycle.ts';
import { cycleIndex, getCycle, openCycleOf } from '../../cycles/repository.ts';
import { formatDate } from '../../i18n/format.ts';
import { unreachablePeople } from '../../people/reachability.ts';
import { planReader } from '../../action-plans/reader.ts';
import { flagLines } from '../../action-plans/messages.ts';
import { planFlags } from '../../action-plans/plan-summary-repository.ts';
import type { Block } from '../../chat/views.ts';
import { percent } from '../../shared/numbers.ts';
import { reviewCountsLine } from '../../reviews/counts.ts';
import { CommandUsageError, type Command } from '../types.ts';
import { departmentScores, keyFactorScore, overviewScores } from './status-scores.ts';

/** `status [department|key factor]`: progress of the open (or latest) cycle. */
export const statusCommand: Command = {
  words: ['status'],
  id: 'status',
  coordinatorOnly: true,
  async run(context, args) {
    const { core, deps, language, t } = context;
    const index = await cycleIndex(deps.store);
    const latest = index.ids.at(-1);
    const cycle =
      (await openCycleOf(deps.store)) ?? (latest ? await getCycle(deps.store, latest) : undefined);
    if (!cycle) {
      const text = t('commands:status.noCycle');
      return { text, blocks: [{ type: 'text', text }] };
    }
    const status = await cycleStatus(deps.store, cycle);
    const name = (id: string) => departmentName(cycle, id, language);
    const title = (id: string) => {
      const kf = keyFactorOf(cycle, id);
      return kf ? `${kf.number}. ${kf.title[language]}` : id;
    };
    const heading = t(
      status.open ? 'commands:status.headingOpen' : 'commands:status.headingClosed',
      {
        cycle: cycle.id,
        due: formatDate(cycle.dueDate, language),
        answered: status.answered,
        total: status.total,
        percent: percent(status.answered, status.total),
      },
    );
    const filter = args.join(' ').trim();
    let lines: string[] = [];
    let reviews = status.reviews;
    // The overall view is one row per department; a department or key factor is a few lines.
    const table = filter === '' ? departmentTable(t, status, name) : undefined;
    if (filter === '') lines.push(...overviewScores(t, status, name));
    else {
      const department = status.departments.find(
        (d) =>
          d.department === filter.toLowerCase() ||
          name(d.department).toLowerCase() === filter.toLowerCase(),
      );
      const keyFactor = status.keyFactors.find(
        (k) => k.keyFactor.toLowerCase() === filter.toLowerCase(),
      );
      if (department) {
        reviews = department.reviews;
        lines = [
          t('commands:status.department', {
            department: name(department.department),
            answered: department.answered,
            total: department.total,
            percent: percent(department.answered, department.total),
            late: department.late,
            skipped: department.skipped.length,
          }),
          ...department.skipped.map((id) => t('commands:status.skipped', { keyFactor: title(id) })),
          ...departmentScores(t, cycle, department, title),
        ];
      } else if (keyFactor) {
        reviews = keyFactor.reviews;
        const statuses = Object.entries(keyFactor.statuses)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${t(`common:answerStatus.${s}`)} ${n}`);
        const ratings = Object.entries(keyFactor.ratings)
          .filter(([, n]) => n > 0)
          .map(([r, n]) => `${t(`common:ratings.${r}`)} ${n}`);
        lines = [
          t('commands:status.keyFactor', {
            keyFactor: title(keyFactor.keyFactor),
            answered: keyFactor.answered,
            total: keyFactor.total,
            percent: percent(keyFactor.answered, keyFactor.total),
          }),
          ...(statuses.length > 0 ? [statuses.join(' · ')] : []),
          ...(ratings.length > 0
            ? [t('commands:status.ratings', { ratings: ratings.join(' · ') })]
            : []),
          ...keyFactorScore(t, keyFactor),
        ];
      } else {
        throw new CommandUsageError('commands:status.unknown', { value: filter });
      }
    }
    const reviewed = reviewCountsLine(t, reviews);
    if (reviewed) lines.push(reviewed);
    // The frameworks' flags belong to the overall view; they come from the small plan summary.
    if (filter === '') {
      lines.push(
        ...flagLines(
          await planReader(core.engine.context, context.person),
          await planFlags(deps.store, deps.config),
        ),
      );
    }
    const unreachable = await unreachablePeople(deps.store);
    if (unreachable.length > 0) {
      const nameOf = await core.engine.context.naming.namer(t('common:someone'));
      const people = unreachable.map((u) => `${nameOf(u.person)} (${u.reason})`);
      lines.push(t('commands:status.unreachable', { people: people.join(', ') }));
    }
    const blocks: Block[] = [
      { type: 'header', text: heading },
      ...(table ? [table] : []),
      ...(lines.length > 0 ? [{ type: 'text' as const, text: lines.join('\n') }] : []),
    ];
    const text = [heading, ...(table ? tableLines(table) : []), ...lines].join('\n');
    return { text, blocks };
  },
};
