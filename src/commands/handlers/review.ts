import { departmentName, departmentOf, locateQuestion } from '../../cycles/cycle.ts';
import { openCycleOf } from '../../cycles/repository.ts';
import { reopenAnswer } from '../../reviews/click.ts';
import { loadWaiting, reviewReader } from '../../reviews/load.ts';
import { reviewMessage } from '../../reviews/messages.ts';
import type { ReviewGroup } from '../../reviews/waiting.ts';
import { CommandUsageError, type Command, type CommandReply } from '../types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

/**
 * `review [department] [key factor]`: what waits for a reviewer's peer
 * review, with the buttons to give it; all of it, or the part named.
 */
export const reviewCommand: Command = {
  words: ['review'],
  id: 'review',
  coordinatorOnly: false,
  async run({ core, deps, person, language, t }, args) {
    const ctx = core.engine.context;
    if (!core.directory.isReviewer(person)) return reply(t('reviews:command.notReviewer'));
    const cycle = await openCycleOf(deps.store);
    if (!cycle) return reply(t('reviews:command.noCycle'));
    const all = await loadWaiting(ctx, cycle, person);
    const named = args.map((a) => a.toLowerCase());
    const matches = (g: ReviewGroup) =>
      named.every(
        (word) =>
          word === g.department ||
          word === departmentName(cycle, g.department, language).toLowerCase() ||
          word === g.keyFactor.id.toLowerCase(),
      );
    const waiting = { ...all, groups: all.groups.filter(matches) };
    if (waiting.groups.length === 0)
      return reply(t('reviews:command.nothing', { cycle: cycle.id }));
    return reviewMessage(await reviewReader(ctx, person, cycle), waiting.groups, waiting.records);
  },
};

/** `review reopen <department> <question>`: a coordinator unlocks an accepted answer. */
export const reviewReopenCommand: Command = {
  words: ['review', 'reopen'],
  id: 'reviewReopen',
  coordinatorOnly: true,
  async run({ core, deps, person, actor, language, t }, args) {
    const [departmentArg, questionArg] = args;
    if (!departmentArg || !questionArg)
      throw new CommandUsageError('reviews:command.reopenArguments');
    const cycle = await openCycleOf(deps.store);
    if (!cycle) return reply(t('reviews:command.noCycle'));
    const department = cycle.departments.find(
      (d) => d.id.toLowerCase() === departmentArg.toLowerCase(),
    );
    if (!department || !departmentOf(cycle, department.id))
      return reply(t('reviews:command.unknownDepartment', { value: departmentArg }));
    const question = questionArg.toUpperCase();
    if (!locateQuestion(cycle, department.id, question))
      return reply(t('reviews:command.unknownQuestion', { value: questionArg }));
    const who = { person, actor, language, t };
    const where = { cycle: cycle.id, department: department.id, question };
    return reply((await reopenAnswer(core.engine.context, who, where, true)).text);
  },
};
