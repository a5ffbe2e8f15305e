import { departmentName } from '../cycles/cycle.ts';
import type { Action } from '../chat/actions.ts';
import type { Block, Button, MessageView } from '../chat/views.ts';
import type { FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import { formatDate } from '../i18n/format.ts';
import { answerStatuses, keyFactorRatings, type Answer, type Rating } from './answer.ts';
import { departmentRef, keyFactorTitle, stamp, type Reader } from './reader.ts';

/** The opening message of a key factor: title, statement, how many questions. */
export function introMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  summary?: string,
): MessageView {
  const where = departmentRef(v, department);
  const title = keyFactorTitle(v, kf);
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: kf.statement[v.language] },
    {
      type: 'context',
      text: v.t('checkins:intro.meta', {
        count: kf.questions.length,
        department: departmentName(v.cycle, department, v.language),
        cycle: v.cycle.id,
        due: formatDate(v.cycle.dueDate, v.language),
      }),
    },
    {
      type: 'actions',
      buttons: openingButtons(v, department, kf, [
        {
          label: v.t('checkins:intro.start'),
          action: { kind: 'start', ...where, keyFactor: kf.id },
          style: 'primary',
        },
      ]),
    },
  ];
  if (summary) blocks.unshift({ type: 'text', text: summary });
  return { text: summary ? `${summary} ${title}` : title, blocks };
}

/** The ways on from a key factor's opening: `first`, then Skip, Hand over and Remind me next week. */
export function openingButtons(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  first: Button[],
): Button[] {
  const where = { ...departmentRef(v, department), keyFactor: kf.id };
  return [
    ...first,
    { label: v.t('checkins:intro.skip'), action: { kind: 'skip', ...where } },
    { label: v.t('checkins:intro.handOver'), action: { kind: 'handOver', ...where } },
    { label: v.t('checkins:intro.remindLater'), action: { kind: 'remindLater', ...where } },
  ];
}

/** The intro after someone acted on it: no buttons left to press. */
export function introClosedMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  outcome: string,
): MessageView {
  const title = keyFactorTitle(v, kf);
  return {
    text: `${title}: ${outcome}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: kf.statement[v.language] },
      { type: 'context', text: outcome },
    ],
  };
}

function answerBlocks(v: Reader, answer: Answer): Block[] {
  const blocks: Block[] = [
    {
      type: 'context',
      text: answer.confirmedFrom
        ? v.t('checkins:question.confirmed', {
            status: v.t(`common:answerStatus.${answer.status}`),
            since: answer.confirmedFrom,
            ...stamp(v, answer.by, answer.at),
          })
        : v.t(answer.late ? 'checkins:question.answeredLate' : 'checkins:question.answered', {
            status: v.t(`common:answerStatus.${answer.status}`),
            ...stamp(v, answer.by, answer.at),
          }),
    },
  ];
  if (answer.explanation)
    blocks.push({ type: 'quote', text: answer.explanation, author: v.nameOf(answer.by) });
  if (answer.evidence.length > 0) blocks.push({ type: 'links', links: answer.evidence });
  return blocks;
}

/** A guiding question with the five answers, and the way to explain and add evidence. */
export function questionMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  question: FrozenQuestion,
  current: Answer | undefined,
  summary?: string,
  /** Last cycle's answer, with "Same as last time", when there is one. */
  lastTime: Block[] = [],
): MessageView {
  const where = departmentRef(v, department);
  const revision = current?.revision ?? 0;
  const header = v.t('checkins:question.header', {
    keyFactor: keyFactorTitle(v, kf),
    number: question.number,
    count: kf.questions.length,
  });
  const statusButtons: Button[] = answerStatuses.map((status) => ({
    label: v.t(`common:answerStatus.${status}`),
    action: { kind: 'answer', ...where, question: question.id, status, revision },
    ...(current?.status === status ? { style: 'primary' as const } : {}),
  }));
  const more: Button[] = [
    {
      label: v.t('checkins:question.explain'),
      action: { kind: 'explain', ...where, question: question.id, revision },
    },
  ];
  if (question.number > 1) {
    more.push({
      label: v.t('checkins:question.back'),
      action: { kind: 'back', ...where, question: question.id },
    });
  }
  const blocks: Block[] = [
    { type: 'header', text: header },
    { type: 'text', text: question.text[v.language] },
    ...(current ? answerBlocks(v, current) : []),
    ...lastTime,
    { type: 'actions', buttons: statusButtons },
    { type: 'actions', buttons: more },
  ];
  if (summary) blocks.unshift({ type: 'text', text: summary });
  return { text: `${header}: ${question.text[v.language]}`, blocks };
}

/** A question once answered: shows the answer; only "Change" is left while the cycle is open. */
export function answeredMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  question: FrozenQuestion,
  answer: Answer,
  open: boolean,
): MessageView {
  const header = v.t('checkins:question.header', {
    keyFactor: keyFactorTitle(v, kf),
    number: question.number,
    count: kf.questions.length,
  });
  const blocks: Block[] = [
    { type: 'header', text: header },
    { type: 'text', text: question.text[v.language] },
    ...answerBlocks(v, answer),
  ];
  if (open) {
    const action: Action = {
      kind: 'explain',
      ...departmentRef(v, department),
      question: question.id,
      revision: answer.revision,
    };
    blocks.push({ type: 'actions', buttons: [{ label: v.t('checkins:question.change'), action }] });
  }
  return { text: `${header}: ${v.t(`common:answerStatus.${answer.status}`)}`, blocks };
}

/** The department's own rating of the key factor as a whole. */
export function ratingMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  current?: Rating,
  /** Last cycle's rating, with "Same as last time", when there is one. */
  lastTime: Block[] = [],
): MessageView {
  const where = departmentRef(v, department);
  const header = v.t('checkins:rating.header', { keyFactor: keyFactorTitle(v, kf) });
  const blocks: Block[] = [
    { type: 'header', text: header },
    {
      type: 'text',
      text: v.t('checkins:rating.prompt', {
        department: departmentName(v.cycle, department, v.language),
      }),
    },
    ...lastTime,
    {
      type: 'actions',
      buttons: keyFactorRatings.map((rating) => ({
        label: v.t(`common:ratings.${rating}`),
        action: { kind: 'rate', ...where, keyFactor: kf.id, rating },
        ...(current?.rating === rating ? { style: 'primary' as const } : {}),
      })),
    },
    {
      type: 'actions',
      buttons: [
        {
          label: v.t('checkins:rating.withLimits'),
          action: { kind: 'rateWithLimits', ...where, keyFactor: kf.id },
        },
      ],
    },
  ];
  return { text: header, blocks };
}

export function ratedMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  rating: Rating,
): MessageView {
  const header = v.t('checkins:rating.header', { keyFactor: keyFactorTitle(v, kf) });
  const blocks: Block[] = [
    { type: 'header', text: header },
    {
      type: 'context',
      text: v.t('checkins:rating.rated', {
        rating: v.t(`common:ratings.${rating.rating}`),
        ...stamp(v, rating.by, rating.at),
      }),
    },
  ];
  if (rating.limitingFactors.length > 0) {
    const titles = rating.limitingFactors.map(
      (id) => v.cycle.contextualFactors.find((f) => f.id === id)?.title[v.language] ?? id,
    );
    blocks.push({
      type: 'text',
      text: v.t('checkins:rating.limits', { factors: titles.join(', ') }),
    });
  }
  if (rating.note) blocks.push({ type: 'quote', text: rating.note, author: v.nameOf(rating.by) });
  return { text: header, blocks };
}
