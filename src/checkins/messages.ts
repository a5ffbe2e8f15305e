import { departmentName } from '../cycles/cycle.ts';
import type { Action } from '../chat/actions.ts';
import type { Block, Button, FormView, MessageView } from '../chat/views.ts';
import type { Cycle, FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import type { Translator } from '../i18n/create.ts';
import { formatDate } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import { answerStatuses, keyFactorRatings, type Answer, type Rating } from './answer.ts';
import { limits } from './limits.ts';

/** What every message needs: the reader's language and how to name people. */
export interface Reader {
  t: Translator;
  language: Language;
  cycle: Cycle;
  nameOf(person: string): string;
}

const keyFactorTitle = (v: Reader, kf: FrozenKeyFactor): string =>
  v.t('checkins:keyFactor', { number: kf.number, title: kf.title[v.language] });

const ref = (v: Reader, department: string) => ({ cycle: v.cycle.id, department });

const stamp = (v: Reader, by: string, at: string) => ({
  name: v.nameOf(by),
  date: formatDate(at.slice(0, 10), v.language),
});

/** The opening message of a key factor: title, statement, how many questions. */
export function introMessage(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  summary?: string,
): MessageView {
  const where = ref(v, department);
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
      buttons: [
        {
          label: v.t('checkins:intro.start'),
          action: { kind: 'start', ...where, keyFactor: kf.id },
          style: 'primary',
        },
        { label: v.t('checkins:intro.skip'), action: { kind: 'skip', ...where, keyFactor: kf.id } },
        {
          label: v.t('checkins:intro.handOver'),
          action: { kind: 'handOver', ...where, keyFactor: kf.id },
        },
        {
          label: v.t('checkins:intro.remindLater'),
          action: { kind: 'remindLater', ...where, keyFactor: kf.id },
        },
      ],
    },
  ];
  if (summary) blocks.unshift({ type: 'text', text: summary });
  return { text: summary ? `${summary} ${title}` : title, blocks };
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
      text: v.t(answer.late ? 'checkins:question.answeredLate' : 'checkins:question.answered', {
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
): MessageView {
  const where = ref(v, department);
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
      ...ref(v, department),
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
): MessageView {
  const where = ref(v, department);
  const header = v.t('checkins:rating.header', { keyFactor: keyFactorTitle(v, kf) });
  const blocks: Block[] = [
    { type: 'header', text: header },
    {
      type: 'text',
      text: v.t('checkins:rating.prompt', {
        department: departmentName(v.cycle, department, v.language),
      }),
    },
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

/** A short note to one person. */
export function notice(text: string): MessageView {
  return { text, blocks: [{ type: 'text', text }] };
}

export function answerForm(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  question: FrozenQuestion,
  current: Answer | undefined,
): FormView {
  return {
    title: v.t('checkins:forms.answer.title'),
    submitLabel: v.t('checkins:forms.save'),
    context: {
      kind: 'explain',
      ...ref(v, department),
      question: question.id,
      revision: current?.revision ?? 0,
    },
    intro: `${keyFactorTitle(v, kf)} · ${question.number}/${kf.questions.length}\n${question.text[v.language]}`,
    fields: [
      {
        id: 'status',
        type: 'choice',
        label: v.t('checkins:forms.answer.status'),
        options: answerStatuses.map((s) => ({ value: s, label: v.t(`common:answerStatus.${s}`) })),
        ...(current ? { initial: current.status } : {}),
      },
      {
        id: 'explanation',
        type: 'text',
        label: v.t('checkins:forms.answer.explanation'),
        multiline: true,
        maxLength: limits.explanation,
        optional: true,
        ...(current?.explanation ? { initial: current.explanation } : {}),
      },
      {
        id: 'evidence',
        type: 'links',
        label: v.t('checkins:forms.answer.evidence'),
        hint: v.t('checkins:forms.answer.evidenceHint'),
        max: limits.evidenceLinks,
        optional: true,
        ...(current && current.evidence.length > 0 ? { initial: current.evidence } : {}),
      },
    ],
  };
}

export function ratingForm(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  current?: Rating,
): FormView {
  return {
    title: v.t('checkins:forms.rating.title'),
    submitLabel: v.t('checkins:forms.save'),
    context: { kind: 'rateWithLimits', ...ref(v, department), keyFactor: kf.id },
    intro: keyFactorTitle(v, kf),
    fields: [
      {
        id: 'rating',
        type: 'choice',
        label: v.t('checkins:forms.rating.rating'),
        options: keyFactorRatings.map((r) => ({ value: r, label: v.t(`common:ratings.${r}`) })),
        ...(current ? { initial: current.rating } : {}),
      },
      {
        id: 'limitingFactors',
        type: 'multiChoice',
        label: v.t('checkins:forms.rating.limits'),
        options: v.cycle.contextualFactors.map((f) => ({
          value: f.id,
          label: f.title[v.language],
        })),
        optional: true,
        ...(current ? { initial: current.limitingFactors } : {}),
      },
      {
        id: 'note',
        type: 'text',
        label: v.t('checkins:forms.rating.note'),
        multiline: true,
        maxLength: limits.note,
        optional: true,
        ...(current?.note ? { initial: current.note } : {}),
      },
    ],
  };
}

export function skipForm(v: Reader, department: string, kf: FrozenKeyFactor): FormView {
  return {
    title: v.t('checkins:forms.skip.title'),
    submitLabel: v.t('checkins:forms.skip.submit'),
    context: { kind: 'skip', ...ref(v, department), keyFactor: kf.id },
    intro: keyFactorTitle(v, kf),
    fields: [
      {
        id: 'reason',
        type: 'text',
        label: v.t('checkins:forms.skip.reason'),
        multiline: true,
        maxLength: limits.reason,
      },
    ],
  };
}

export function handOverForm(v: Reader, department: string, kf: FrozenKeyFactor): FormView {
  return {
    title: v.t('checkins:forms.handOver.title'),
    submitLabel: v.t('checkins:forms.handOver.submit'),
    context: { kind: 'handOver', ...ref(v, department), keyFactor: kf.id },
    intro: keyFactorTitle(v, kf),
    fields: [{ id: 'colleague', type: 'person', label: v.t('checkins:forms.handOver.colleague') }],
  };
}
