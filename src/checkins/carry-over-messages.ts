import type { Block, MessageView } from '../chat/views.ts';
import { departmentName, type FrozenKeyFactor } from '../cycles/cycle.ts';
import { isStale } from '../shared/evidence.ts';
import type { Answer } from './answer.ts';
import type { LastTime } from './carry-over.ts';
import { openingButtons } from './messages.ts';
import { departmentRef, keyFactorTitle, type Reader } from './reader.ts';

const firstLineLength = 80;

/** An explanation's first line, cut to fit a summary line. */
function firstLine(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > firstLineLength ? `${line.slice(0, firstLineLength - 1)}…` : line;
}

/** How many of an answer's links may be out of date. */
export const staleLinks = (answer: Answer, last: LastTime): number =>
  answer.evidence.filter((e) => isStale(e, answer.at, last.today, last.staleAfterMonths)).length;

/** One answer in a line: status, the explanation's first line, its links and their age. */
export function answerLine(v: Reader, answer: Answer, last: LastTime): string {
  const parts = [v.t(`common:answerStatus.${answer.status}`)];
  const explanation = firstLine(answer.explanation);
  if (explanation) parts.push(`“${explanation}”`);
  if (answer.evidence.length > 0)
    parts.push(v.t('checkins:carryOver.links', { count: answer.evidence.length }));
  const stale = staleLinks(answer, last);
  if (stale > 0) parts.push(v.t('checkins:carryOver.staleLinks', { count: stale }));
  return parts.join(' · ');
}

/**
 * The opening of a key factor when the department answered it last cycle: last
 * time's answers in a few lines, and "Still true" to confirm them all at once.
 */
export function carryOverMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  last: LastTime,
  summary?: string,
): MessageView {
  const where = { ...departmentRef(v, department), keyFactor: kf.id };
  const title = keyFactorTitle(v, kf);
  const lines = kf.questions.map((q) => {
    const answer = last.record.answers[q.id];
    return v.t('checkins:carryOver.line', {
      number: q.number,
      answer: answer ? answerLine(v, answer, last) : v.t('checkins:carryOver.notAnswered'),
    });
  });
  const rating = last.record.ratings[kf.id];
  if (rating)
    lines.push(
      v.t('checkins:carryOver.rating', { rating: v.t(`common:ratings.${rating.rating}`) }),
    );
  const stale = kf.questions.some((q) => {
    const answer = last.record.answers[q.id];
    return answer !== undefined && staleLinks(answer, last) > 0;
  });
  const buttons = openingButtons(v, department, kf, [
    {
      label: v.t('checkins:carryOver.stillTrue'),
      action: { kind: 'confirm', ...where },
      style: 'primary',
    },
    { label: v.t('checkins:carryOver.goThrough'), action: { kind: 'start', ...where } },
  ]);
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: kf.statement[v.language] },
    {
      type: 'context',
      text: v.t('checkins:carryOver.intro', {
        cycle: last.record.cycle,
        department: departmentName(v.cycle, department, v.language),
      }),
    },
    { type: 'text', text: lines.join('\n') },
    ...(stale
      ? [
          {
            type: 'context' as const,
            text: v.t('checkins:carryOver.staleHint', { months: last.staleAfterMonths }),
          },
        ]
      : []),
    { type: 'actions', buttons },
  ];
  if (summary) blocks.unshift({ type: 'text', text: summary });
  return { text: summary ? `${summary} ${title}` : title, blocks };
}

/** Last time's answer under a question, with the button that gives it again. */
export function lastAnswerBlocks(
  v: Reader,
  department: string,
  question: string,
  answer: Answer,
  last: LastTime,
  revision: number,
): Block[] {
  return [
    {
      type: 'context',
      text: v.t('checkins:carryOver.lastAnswer', {
        cycle: last.record.cycle,
        answer: answerLine(v, answer, last),
      }),
    },
    {
      type: 'actions',
      buttons: [
        {
          label: v.t('checkins:carryOver.same'),
          action: { kind: 'same', ...departmentRef(v, department), question, revision },
          style: 'primary',
        },
      ],
    },
  ];
}

/** Last time's rating under the rating question, with the button that gives it again. */
export function lastRatingBlocks(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  last: LastTime,
): Block[] {
  const rating = last.record.ratings[kf.id];
  if (!rating) return [];
  return [
    {
      type: 'context',
      text: v.t('checkins:carryOver.lastRating', {
        cycle: last.record.cycle,
        rating: v.t(`common:ratings.${rating.rating}`),
      }),
    },
    {
      type: 'actions',
      buttons: [
        {
          label: v.t('checkins:carryOver.same'),
          action: { kind: 'sameRating', ...departmentRef(v, department), keyFactor: kf.id },
          style: 'primary',
        },
      ],
    },
  ];
}
