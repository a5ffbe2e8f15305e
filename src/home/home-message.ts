import { cycleStatus, myOpenQuestions } from '../checkins/status.ts';
import type { Block, MessageView } from '../chat/views.ts';
import type { CommandServices } from '../commands/types.ts';
import { departmentName, keyFactorOf } from '../cycles/cycle.ts';
import { openCycleOf } from '../cycles/repository.ts';
import type { Translator } from '../i18n/create.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { Store } from '../store/store.ts';
import { myActionBlocks } from '../commands/handlers/my.ts';
import { planReader } from '../action-plans/reader.ts';
import { flagLines } from '../action-plans/messages.ts';
import { planFlags } from '../action-plans/plan-summary-repository.ts';
import { reviewHomeBlocks } from '../reviews/home-blocks.ts';
import { adminHomeBlocks } from '../admin/home.ts';

/**
 * A person's home: their open questions by key factor with a way to continue,
 * and for coordinators the cycle's progress per department. Slack shows it
 * in App Home; Teams as a card.
 */
export async function homeMessage(
  core: CommandServices,
  store: Store,
  person: string,
  language: Language,
  t: Translator,
): Promise<MessageView> {
  const blocks: Block[] = [{ type: 'header', text: t('home:title') }];
  const cycle = await openCycleOf(store);
  const actionBlocks = await myActionBlocks(core, store, person);
  const adminBlocks = core.directory.isCoordinator(person)
    ? adminHomeBlocks(core.admin.settings.current(), t, language)
    : [];
  if (!cycle) {
    blocks.push({ type: 'text', text: t('home:noCycle') }, ...actionBlocks, ...adminBlocks);
    return { text: t('home:title'), blocks };
  }
  blocks.push({
    type: 'context',
    text: t('home:cycle', { cycle: cycle.id, due: formatDate(cycle.dueDate, language) }),
  });

  blocks.push({ type: 'header', text: t('home:myQuestions') });
  const mine = await myOpenQuestions(store, core.directory, cycle, person);
  if (mine.length === 0) {
    blocks.push({ type: 'text', text: t('home:nothingOpen') });
  } else {
    for (const item of mine) {
      const kf = keyFactorOf(cycle, item.keyFactor);
      const department = departmentName(cycle, item.department, language);
      blocks.push({
        type: 'text',
        text: `${kf?.number ?? ''}. ${kf?.title[language] ?? item.keyFactor} · ${department}: ${
          item.needsRating
            ? t('commands:my.needsRating')
            : t('commands:my.questions', { count: item.questions.length })
        }`,
      });
    }
    blocks.push({
      type: 'actions',
      buttons: [{ label: t('commands:my.continue'), action: { kind: 'resume' }, style: 'primary' }],
    });
  }

  blocks.push(
    ...(await reviewHomeBlocks(core.engine.context, cycle, person, language, t)),
    ...actionBlocks,
  );
  if (actionBlocks.length === 0) {
    blocks.push({
      type: 'actions',
      buttons: [{ label: t('actions:buttons.new'), action: { kind: 'actionNew' } }],
    });
  }

  if (core.directory.isCoordinator(person)) {
    const flags = flagLines(
      await planReader(core.engine.context, person),
      await planFlags(store, core.engine.context.config),
    );
    if (flags.length > 0) blocks.push({ type: 'context', text: flags.join('\n') });
    const status = await cycleStatus(store, cycle);
    blocks.push({
      type: 'header',
      text: t('home:progress', { answered: status.answered, total: status.total }),
    });
    blocks.push({
      type: 'fields',
      fields: status.departments.map((d) => ({
        label: departmentName(cycle, d.department, language),
        value: t('home:departmentProgress', {
          answered: d.answered,
          total: d.total,
          late: d.late,
          skipped: d.skipped.length,
        }),
      })),
    });
  }
  blocks.push(...adminBlocks);
  return { text: t('home:title'), blocks };
}
