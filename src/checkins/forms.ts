import type { FormView } from '../chat/views.ts';
import type { FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import { answerStatuses, keyFactorRatings, type Answer, type Rating } from './answer.ts';
import { limits } from './limits.ts';
import { departmentRef, keyFactorTitle, type Reader } from './reader.ts';

/** An answer with room to explain it and link evidence. */
export function answerForm(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  question: FrozenQuestion,
  current: Answer | undefined,
  /** Last cycle's answer: the form starts from it when nothing is answered yet. */
  lastTime?: Answer,
): FormView {
  const shown = current ?? lastTime;
  return {
    title: v.t('checkins:forms.answer.title'),
    submitLabel: v.t('checkins:forms.save'),
    context: {
      kind: 'explain',
      ...departmentRef(v, department),
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
        ...(shown ? { initial: shown.status } : {}),
      },
      {
        id: 'explanation',
        type: 'text',
        label: v.t('checkins:forms.answer.explanation'),
        multiline: true,
        maxLength: limits.explanation,
        optional: true,
        ...(shown?.explanation ? { initial: shown.explanation } : {}),
      },
      {
        id: 'evidence',
        type: 'links',
        label: v.t('checkins:forms.answer.evidence'),
        hint: v.t('checkins:forms.answer.evidenceHint'),
        max: limits.evidenceLinks,
        dated: true,
        maxLengths: { url: limits.evidenceUrl, title: limits.evidenceTitle },
        optional: true,
        ...(shown && shown.evidence.length > 0
          ? {
              initial: shown.evidence.map(({ url, title, validFrom }) => ({
                url,
                ...(title ? { title } : {}),
                ...(validFrom ? { validFrom } : {}),
              })),
            }
          : {}),
      },
    ],
  };
}

/** The department's rating with what limited it and a note. */
export function ratingForm(
  v: Reader,
  department: string,
  kf: FrozenKeyFactor,
  current?: Rating,
): FormView {
  return {
    title: v.t('checkins:forms.rating.title'),
    submitLabel: v.t('checkins:forms.save'),
    context: { kind: 'rateWithLimits', ...departmentRef(v, department), keyFactor: kf.id },
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

/** Skipping a key factor needs a reason, kept with the record. */
export function skipForm(v: Reader, department: string, kf: FrozenKeyFactor): FormView {
  return {
    title: v.t('checkins:forms.skip.title'),
    submitLabel: v.t('checkins:forms.skip.submit'),
    context: { kind: 'skip', ...departmentRef(v, department), keyFactor: kf.id },
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

/** Handing a key factor over to a colleague. */
export function handOverForm(v: Reader, department: string, kf: FrozenKeyFactor): FormView {
  return {
    title: v.t('checkins:forms.handOver.title'),
    submitLabel: v.t('checkins:forms.handOver.submit'),
    context: { kind: 'handOver', ...departmentRef(v, department), keyFactor: kf.id },
    intro: keyFactorTitle(v, kf),
    fields: [{ id: 'colleague', type: 'person', label: v.t('checkins:forms.handOver.colleague') }],
  };
}
