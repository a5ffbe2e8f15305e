import type { Answer, Review } from '../../checkins/answer.ts';
import type { FrozenDepartment, FrozenKeyFactor } from '../../cycles/cycle.ts';
import { formatDate } from '../../i18n/format.ts';
import { markup, type Html } from './html.ts';
import type { ExportInput } from './types.ts';
import { inLanguage } from './words.ts';

/** Where the peer review left an answer: a mark beside its status once a reviewer has looked. */
export function reviewMark(input: ExportInput, answer: Answer): Html | false {
  const state = answer.review?.state;
  return (
    state !== undefined &&
    markup` <span class="review ${state}">${input.t(`reviews:state.${state}`)}</span>`
  );
}

/** Every comment a reviewer gave on an answer, the earliest first; answered again or not. */
const commentsOn = (answer: Answer): Review[] =>
  [...answer.history, answer]
    .map((a) => a.review)
    .filter((r): r is Review => r?.comment !== undefined)
    .filter((r, i, all) => all.findIndex((o) => o.at === r.at && o.by === r.by) === i);

/**
 * The reviewers' comments on a key factor's answers, department by department;
 * nothing when no answer of it was reviewed, so reports of cycles without a
 * peer review read as before.
 */
export function peerReviewSection(
  input: ExportInput,
  kf: FrozenKeyFactor,
  departments: readonly FrozenDepartment[],
): Html | false {
  const { t } = input;
  let reviewed = false;
  const lines: Html[] = [];
  for (const department of departments) {
    const record = input.records.get(department.id);
    for (const question of kf.questions) {
      const answer = record?.answers[question.id];
      if (!answer) continue;
      if ([...answer.history, answer].some((a) => a.review)) reviewed = true;
      for (const review of commentsOn(answer)) {
        const text = t('reviews:report.comment', {
          department: inLanguage(department.name, input.language),
          number: question.number,
          comment: review.comment ?? '',
          name: input.nameOf(review.by),
          date: formatDate(review.at.slice(0, 10), input.language),
        });
        lines.push(markup`<li class="note">${text}</li>`);
      }
    }
  }
  if (!reviewed) return false;
  const body =
    lines.length > 0
      ? markup`<ul class="peer-review">${lines}</ul>`
      : markup`<p class="muted">${t('reviews:report.none')}</p>`;
  return markup`<h4>${t('reviews:report.heading')}</h4>
${body}
`;
}
