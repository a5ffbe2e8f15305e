import type { Block } from '../chat/views.ts';
import type { EngineContext } from '../checkins/context.ts';
import { departmentSummaries } from '../checkins/summary-repository.ts';
import { departmentName, type Cycle } from '../cycles/cycle.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import { waitingFor } from './waiting.ts';

/** For a reviewer's own view: which key factors wait for their review, and a way to open them. */
export async function reviewHomeBlocks(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  language: Language,
  t: Translator,
): Promise<Block[]> {
  if (!ctx.directory.isReviewer(person)) return [];
  const summaries = await departmentSummaries(
    ctx.store,
    cycle.id,
    cycle.departments.map((d) => d.id),
  );
  const groups = waitingFor(cycle, summaries, person, ctx.directory);
  if (groups.length === 0) return [];
  const list = groups
    .map(
      (g) =>
        `${departmentName(cycle, g.department, language)} · ${g.keyFactor.number}. ${g.keyFactor.title[language]}`,
    )
    .join(', ');
  return [
    { type: 'header', text: t('reviews:home.title') },
    { type: 'text', text: t('reviews:home.waiting', { count: groups.length, list }) },
    {
      type: 'actions',
      buttons: [
        { label: t('reviews:home.open'), action: { kind: 'reviewOpen' }, style: 'primary' },
      ],
    },
  ];
}
