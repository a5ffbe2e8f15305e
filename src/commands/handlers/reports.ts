import { requestDigest, requestRollup } from '../../reports/post.ts';
import { isoWeek } from '../../reports/period.ts';
import type { Command, CommandContext, CommandReply } from '../types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

async function run(context: CommandContext, kind: 'rollup' | 'digest'): Promise<CommandReply> {
  const { core, deps, t } = context;
  const today = deps.localDate(deps.clock.now());
  const reportDeps = { engine: core.engine, outbox: core.outbox, calendar: core.calendar };
  const outcome =
    kind === 'rollup'
      ? await requestRollup(reportDeps, today)
      : await requestDigest(reportDeps, today);
  const key = outcome === 'noCycle' ? 'reports:rollup.noCycle' : `reports:${kind}.${outcome}`;
  return reply(t(key, { week: isoWeek(today) }));
}

/** `rollup now`: the coordinating body's roll-up, now (once a week at most). */
export const rollupNowCommand: Command = {
  words: ['rollup', 'now'],
  id: 'rollupNow',
  coordinatorOnly: true,
  run: (context) => run(context, 'rollup'),
};

/** `digest now`: the steering group's digest, now (once a week at most). */
export const digestNowCommand: Command = {
  words: ['digest', 'now'],
  id: 'digestNow',
  coordinatorOnly: true,
  run: (context) => run(context, 'digest'),
};
