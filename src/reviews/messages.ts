import type { Block, Button, FormView, MessageView } from '../chat/views.ts';
import type { Answer } from '../checkins/answer.ts';
import type { DepartmentRecord } from '../checkins/record-repository.ts';
import { departmentRef, keyFactorTitle, stamp, type Reader } from '../checkins/reader.ts';
import { departmentName, type FrozenKeyFactor, type FrozenQuestion } from '../cycles/cycle.ts';
import type { ReviewGroup } from './waiting.ts';

/** Slack shows at most 50 blocks in a message; what does not fit is left for the `review` command. */
const blockBudget = 45;

/** Who reads a review message, and whether they may reopen accepted answers. */
export interface ReviewReader extends Reader {
  coordinator: boolean;
}

export const groupTitle = (v: Reader, department: string, kf: FrozenKeyFactor): string =>
  v.t('reviews:request.group', {
    department: departmentName(v.cycle, department, v.language),
    keyFactor: keyFactorTitle(v, kf),
  });

/** The reviewer's verdict so far, as a line under the answer. */
export function verdictLine(v: Reader, answer: Answer): string | undefined {
  const review = answer.review;
  if (!review) return undefined;
  return review.state === 'accepted'
    ? v.t('reviews:verdict.accepted', stamp(v, review.by, review.at))
    : v.t('reviews:verdict.changesRequested', {
        ...stamp(v, review.by, review.at),
        comment: review.comment ?? '',
      });
}

/** One answer to review: the question, the answer with its explanation and evidence, the buttons. */
export function answerBlocks(
  v: ReviewReader,
  department: string,
  question: FrozenQuestion,
  answer: Answer,
): Block[] {
  const where = { ...departmentRef(v, department), question: question.id };
  const blocks: Block[] = [
    {
      type: 'text',
      text: v.t('reviews:request.question', {
        number: question.number,
        text: question.text[v.language],
      }),
    },
    {
      type: 'context',
      text: v.t('reviews:request.answer', {
        status: v.t(`common:answerStatus.${answer.status}`),
        ...stamp(v, answer.by, answer.at),
      }),
    },
  ];
  if (answer.explanation)
    blocks.push({ type: 'quote', text: answer.explanation, author: v.nameOf(answer.by) });
  if (answer.evidence.length > 0) blocks.push({ type: 'links', links: answer.evidence });
  const verdict = verdictLine(v, answer);
  if (verdict) blocks.push({ type: 'context', text: verdict });
  const buttons: Button[] = [];
  if (!answer.review) {
    const revision = answer.revision;
    buttons.push(
      {
        label: v.t('reviews:request.accept'),
        action: { kind: 'reviewAccept', ...where, revision },
        style: 'primary',
      },
      {
        label: v.t('reviews:request.requestChanges'),
        action: { kind: 'reviewRequestChanges', ...where, revision },
      },
    );
  } else if (answer.review.state === 'accepted' && v.coordinator) {
    buttons.push({
      label: v.t('reviews:request.reopen'),
      action: { kind: 'reviewReopen', ...where },
    });
  }
  if (buttons.length > 0) blocks.push({ type: 'actions', buttons });
  return blocks;
}

/** A department's key factor: each answer, and Accept all for what is not reviewed yet. */
export function groupBlocks(
  v: ReviewReader,
  group: ReviewGroup,
  record: DepartmentRecord,
): Block[] {
  const { department, keyFactor } = group;
  const blocks: Block[] = [{ type: 'header', text: groupTitle(v, department, keyFactor) }];
  const open: { question: FrozenQuestion; answer: Answer }[] = [];
  for (const question of keyFactor.questions) {
    const answer = record.answers[question.id];
    if (!answer) continue;
    blocks.push(...answerBlocks(v, department, question, answer));
    if (!answer.review) open.push({ question, answer });
  }
  if (open.length > 1) {
    blocks.push({
      type: 'actions',
      buttons: [
        {
          label: v.t('reviews:request.acceptAll'),
          action: {
            kind: 'reviewAcceptAll',
            ...departmentRef(v, department),
            keyFactor: keyFactor.id,
            revisions: keyFactor.questions.map((q) => record.answers[q.id]?.revision ?? 0),
          },
        },
      ],
    });
  }
  return blocks;
}

/**
 * What waits for a reviewer, grouped by department and key factor: one message
 * however many key factors were completed. Groups that do not fit are counted.
 */
export function reviewMessage(
  v: ReviewReader,
  groups: readonly ReviewGroup[],
  records: ReadonlyMap<string, DepartmentRecord>,
): MessageView {
  const title = v.t('reviews:request.title');
  const intro = v.t('reviews:request.intro', { count: groups.length, cycle: v.cycle.id });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: intro },
  ];
  const left: ReviewGroup[] = [];
  for (const group of groups) {
    const record = records.get(group.department);
    if (!record) continue;
    const more = groupBlocks(v, group, record);
    // The first group is always shown: a message of nothing but "and 1 more" would help no one.
    const shown = blocks.length > 2;
    if (left.length > 0 || (shown && blocks.length + more.length > blockBudget)) left.push(group);
    else blocks.push(...more);
  }
  const first = left[0];
  if (first) {
    const list = left.map((g) => groupTitle(v, g.department, g.keyFactor)).join(', ');
    const example = `${first.department} ${first.keyFactor.id}`;
    const text = v.t('reviews:request.more', { count: left.length, list, example });
    blocks.push({ type: 'context', text });
  }
  return { text: `${title}: ${intro}`, blocks };
}

/** The reviewer's comment is required: it is what the department reads beside the question. */
export function requestChangesForm(
  v: Reader,
  about: Extract<FormView['context'], { kind: 'reviewRequestChanges' }>,
  question: FrozenQuestion,
  maxLength: number,
): FormView {
  return {
    title: v.t('reviews:form.title'),
    submitLabel: v.t('reviews:form.submit'),
    context: about,
    intro: v.t('reviews:form.intro', {
      department: departmentName(v.cycle, about.department, v.language),
      number: question.number,
      question: question.text[v.language],
    }),
    fields: [
      {
        id: 'comment',
        type: 'text',
        label: v.t('reviews:form.comment'),
        multiline: true,
        maxLength,
        hint: v.t('reviews:form.hint'),
      },
    ],
  };
}
