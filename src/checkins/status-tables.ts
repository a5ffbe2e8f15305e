import { cutRows } from '../chat/table.ts';
import type { Block } from '../chat/views.ts';
import type { Translator } from '../i18n/create.ts';
import { percent } from '../shared/numbers.ts';
import { answerStatuses, keyFactorRatings } from './answer.ts';
import type { CycleStatus } from './status.ts';

type Table = Extract<Block, { type: 'table' }>;

/** Rows a chat message shows before "and N more — see the report". */
export const maxTableRows = 25;

/** A score 0–100 from the answers (see score.ts); empty where nothing is scorable. */
const scoreCell = (score: number | undefined): string =>
  score === undefined ? '' : String(Math.round(score));

const progress = (answered: number, total: number): string =>
  `${answered}/${total} (${percent(answered, total)} %)`;

function cut(t: Translator, rows: string[][]): Pick<Table, 'rows' | 'more'> {
  const { shown, left } = cutRows(rows, maxTableRows);
  return { rows: shown, ...(left > 0 ? { more: t('common:table.more', { count: left }) } : {}) };
}

/** One row per department: answered, late answers, skipped key factors, own ratings given. */
export function departmentTable(
  t: Translator,
  status: CycleStatus,
  name: (department: string) => string,
): Table {
  return {
    type: 'table',
    columns: [
      { label: t('common:table.department') },
      { label: t('common:table.answered') },
      { label: t('common:table.late') },
      { label: t('common:table.skipped') },
      { label: t('common:table.rated') },
      { label: t('common:table.score') },
    ],
    ...cut(
      t,
      status.departments.map((d) => [
        name(d.department),
        progress(d.answered, d.total),
        String(d.late),
        String(d.skipped.length),
        `${d.rated}/${d.keyFactors}`,
        scoreCell(d.score),
      ]),
    ),
  };
}

/** One row per key factor: answered, the answers given, departments that skipped it, their ratings. */
export function keyFactorTable(
  t: Translator,
  status: CycleStatus,
  title: (keyFactor: string) => string,
): Table {
  const counts = (entries: [string, number][], key: string) =>
    entries
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${t(`common:${key}.${k}`)} ${n}`)
      .join(' · ');
  return {
    type: 'table',
    columns: [
      { label: t('common:table.keyFactor') },
      { label: t('common:table.answered') },
      { label: t('common:table.answers'), align: 'start' },
      { label: t('common:table.skipped') },
      { label: t('common:table.rating'), align: 'start' },
      { label: t('common:table.score') },
    ],
    ...cut(
      t,
      status.keyFactors.map((k) => [
        title(k.keyFactor),
        progress(k.answered, k.total),
        counts(
          answerStatuses.map((s) => [s, k.statuses[s]]),
          'answerStatus',
        ),
        String(k.skipped),
        counts(
          keyFactorRatings.map((r) => [r, k.ratings[r]]),
          'ratings',
        ),
        scoreCell(k.score),
      ]),
    ),
  };
}
