import { myOpenQuestions } from '../../checkins/status.ts';
import { departmentName, keyFactorOf } from '../../cycles/cycle.ts';
import { openCycleOf } from '../../cycles/repository.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Block } from '../../chat/views.ts';
import type { Command, CommandContext } from '../types.ts';
import type { Store } from '../../store/store.ts';
import { planReader } from '../../action-plans/reader.ts';
import { isOpenItem } from '../../action-plans/item.ts';
import { itemsMessage } from '../../action-plans/messages.ts';
import { openItemsOf } from '../../action-plans/plan-summary-repository.ts';
import { itemsById } from '../../action-plans/repository.ts';

/** My open action items, with their buttons; nothing when I own none. */
export async function myActionBlocks(
  core: CommandContext['core'],
  store: Store,
  person: string,
): Promise<Block[]> {
  const ids = (await openItemsOf(store, person)).map((b) => b.id);
  const mine = (await itemsById(store, ids))
    .filter((i) => isOpenItem(i) && i.owners.includes(person))
    .sort((a, b) => a.due.localeCompare(b.due));
  if (mine.length === 0) return [];
  await core.engine.context.naming.lookUp(mine.flatMap((i) => i.owners));
  const v = await planReader(core.engine.context, person);
  return itemsMessage(v, v.t('actions:list.mine'), mine).blocks;
}

/** `my`: my open questions, by key factor, and a button to continue. */
export const myCommand: Command = {
  words: ['my'],
  id: 'my',
  coordinatorOnly: false,
  async run({ core, deps, person, language, t }) {
    // Action items come after the questions, only when there are none to answer.
    const actionBlocks = (): Promise<Block[]> => myActionBlocks(core, deps.store, person);
    const cycle = await openCycleOf(deps.store);
    if (!cycle) {
      return {
        text: t('commands:my.noCycle'),
        blocks: [{ type: 'text', text: t('commands:my.noCycle') }, ...(await actionBlocks())],
      };
    }
    const open = await myOpenQuestions(deps.store, core.directory, cycle, person);
    if (open.length === 0) {
      const text = t('commands:my.nothing', { cycle: cycle.id });
      return { text, blocks: [{ type: 'text', text }, ...(await actionBlocks())] };
    }
    const title = t('commands:my.title', {
      cycle: cycle.id,
      due: formatDate(cycle.dueDate, language),
    });
    const lines = open.map((item) => {
      const kf = keyFactorOf(cycle, item.keyFactor);
      const department = departmentName(cycle, item.department, language);
      const what = item.needsRating
        ? t('commands:my.needsRating')
        : t('commands:my.questions', { count: item.questions.length });
      return `${kf?.number ?? ''}. ${kf?.title[language] ?? item.keyFactor} (${department}): ${what}`;
    });
    const blocks: Block[] = [
      { type: 'header', text: title },
      { type: 'text', text: lines.join('\n') },
      {
        type: 'actions',
        buttons: [
          { label: t('commands:my.continue'), action: { kind: 'resume' }, style: 'primary' },
        ],
      },
    ];
    return { text: `${title}\n${lines.join('\n')}`, blocks };
  },
};
