import type { FrozenKeyFactor, FrozenQuestion } from '../../cycles/cycle.ts';
import type { Answer, AnswerStatus, Evidence } from '../answer.ts';
import type { EngineContext } from '../context.ts';
import { departmentRef, type Reader } from '../reader.ts';

/** Whether a submission says what the answer already says (a double tap or double submit). */
export function sameContent(
  existing: Answer,
  status: AnswerStatus,
  explanation: string | undefined,
  evidence: readonly Evidence[] | undefined,
): boolean {
  return (
    existing.status === status &&
    (explanation === undefined || explanation === existing.explanation) &&
    (evidence === undefined ||
      (evidence.length === existing.evidence.length &&
        evidence.every((e, i) => e.url === existing.evidence[i]?.url)))
  );
}

/**
 * A status button on an older copy of a question someone has answered since:
 * the newer answer stays, and the person is told whose it is, with "Change"
 * for a deliberate change that then becomes a new revision.
 */
export async function refuseStale(
  ctx: EngineContext,
  v: Reader,
  person: string,
  department: string,
  keyFactor: FrozenKeyFactor,
  question: FrozenQuestion,
  existing: Answer,
): Promise<void> {
  const text = v.t('checkins:notices.alreadyAnswered', {
    name: v.nameOf(existing.by),
    status: v.t(`common:answerStatus.${existing.status}`),
  });
  await ctx.sendTo(person, {
    text,
    blocks: [
      { type: 'text', text },
      {
        type: 'actions',
        buttons: [
          {
            label: v.t('checkins:question.change'),
            action: {
              kind: 'explain',
              ...departmentRef(v, department),
              question: question.id,
              revision: existing.revision,
            },
          },
        ],
      },
    ],
  });
  ctx.logger.info({ department, keyFactor: keyFactor.id }, 'refused a stale copy of a question');
}
