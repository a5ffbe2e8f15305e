import { fanOutCheckIns } from '../../checkins/schedule.ts';
import { closeCycle, openCycle } from '../../cycles/lifecycle.ts';
import { openCycleOf } from '../../cycles/repository.ts';
import { formatDate } from '../../i18n/format.ts';
import { parseDate } from '../../shared/dates.ts';
import {
  CommandUsageError,
  type Command,
  type CommandContext,
  type CommandReply,
} from '../types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

function jobDeps(context: CommandContext) {
  const { core, deps } = context;
  return {
    ...deps,
    outbox: core.outbox,
    directory: core.directory,
    calendar: core.calendar,
    logger: core.engine.context.logger,
  };
}

/** `cycle start [name] [due date]`: opens a cycle and asks every contact. */
export const cycleStartCommand: Command = {
  words: ['cycle', 'start'],
  id: 'cycleStart',
  coordinatorOnly: true,
  async run(context, args) {
    const { deps, language, t, person } = context;
    const today = deps.localDate(deps.clock.now());
    // A lone argument that reads as a date is the due date.
    const [name, dueText] =
      args.length === 1 && parseDate(args[0] ?? '', today)
        ? [undefined, args[0]]
        : [args[0], args[1]];
    const dueDate = dueText === undefined ? undefined : parseDate(dueText, today);
    if (dueText !== undefined && !dueDate)
      throw new CommandUsageError('commands:cycle.badDate', { value: dueText });
    if (args.length > 2) throw new CommandUsageError('commands:cycle.tooMany', {});
    const result = await openCycle(deps, {
      by: person,
      ...(name ? { name } : {}),
      ...(dueDate ? { dueDate } : {}),
    });
    if (!result.ok) throw new CommandUsageError(`commands:cycle.${result.code}`, result.params);
    const { cycle } = result;
    const asked = await fanOutCheckIns(jobDeps(context), cycle, today, `cycleStarted:${cycle.id}`);
    return reply(
      t(asked > 0 ? 'commands:cycle.started' : 'commands:cycle.startedNextWorkingDay', {
        cycle: cycle.id,
        due: formatDate(cycle.dueDate, language),
        count: asked,
      }),
    );
  },
};

/** `cycle close`: stops the asking; answers are no longer accepted. */
export const cycleCloseCommand: Command = {
  words: ['cycle', 'close'],
  id: 'cycleClose',
  coordinatorOnly: true,
  async run({ deps, person, t }) {
    const result = await closeCycle(deps, person);
    if (!result.ok) throw new CommandUsageError(`commands:cycle.${result.code}`, result.params);
    return reply(t('commands:cycle.closed', { cycle: result.cycle.id }));
  },
};

/** `remind <department|all>`: asks now whoever still has open questions. */
export const remindCommand: Command = {
  words: ['remind'],
  id: 'remind',
  coordinatorOnly: true,
  async run(context, args) {
    const { deps, t, language } = context;
    const target = args.join(' ').trim().toLowerCase();
    if (target === '') throw new CommandUsageError('commands:remind.missing', {});
    const cycle = await openCycleOf(deps.store);
    if (!cycle) throw new CommandUsageError('commands:cycle.noOpenCycle', {});
    const department = cycle.departments.find(
      (d) => d.id === target || d.name[language].toLowerCase() === target,
    );
    if (target !== 'all' && !department)
      throw new CommandUsageError('commands:remind.unknown', { value: target });
    const now = deps.clock.now();
    const count = await fanOutCheckIns(
      jobDeps(context),
      cycle,
      deps.localDate(now),
      `remind:${target}:${now.toISOString()}`,
      {
        reminder: true,
        // Whoever holds the department's open questions, colleagues handed a key factor included.
        ...(department ? { department: department.id } : {}),
      },
    );
    return reply(t('commands:remind.done', { count }));
  },
};
