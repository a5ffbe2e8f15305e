import type { MessageView } from '../chat/views.ts';
import {
  departmentOf,
  isOpen,
  keyFactorOf,
  locateQuestion,
  type Cycle,
  type FrozenKeyFactor,
  type FrozenQuestion,
} from '../cycles/cycle.ts';
import { getCycle } from '../cycles/repository.ts';
import type { EngineContext } from './context.ts';
import { hasLastTime, type LastTime } from './carry-over.ts';
import { carryOverMessage, lastAnswerBlocks, lastRatingBlocks } from './carry-over-messages.ts';
import { introMessage, questionMessage, ratingMessage } from './messages.ts';
import type { Step } from './progress.ts';
import type { Reader } from './reader.ts';
import type { DepartmentRecord } from './record-repository.ts';

/** The prompt key of a step: what it asks. */
export function promptKey(step: Step): string {
  if (step.kind === 'question') return step.question.id;
  return `${step.keyFactor.id}:${step.kind}`;
}

export function stepMessage(
  v: Reader,
  step: Step,
  record: DepartmentRecord | undefined,
  summary?: string,
  lastTime?: LastTime,
): MessageView {
  const { department, keyFactor } = step;
  switch (step.kind) {
    case 'intro':
      return lastTime && hasLastTime(lastTime.record, keyFactor)
        ? carryOverMessage(v, department, keyFactor, lastTime, summary)
        : introMessage(v, department, keyFactor, summary);
    case 'question': {
      const current = record?.answers[step.question.id];
      const earlier = lastTime?.record.answers[step.question.id];
      return questionMessage(
        v,
        department,
        keyFactor,
        step.question,
        current,
        summary,
        lastTime && earlier
          ? lastAnswerBlocks(
              v,
              department,
              step.question.id,
              earlier,
              lastTime,
              current?.revision ?? 0,
            )
          : [],
      );
    }
    case 'rating':
      return ratingMessage(
        v,
        department,
        keyFactor,
        record?.ratings[keyFactor.id],
        lastTime ? lastRatingBlocks(v, department, keyFactor, lastTime) : [],
      );
  }
}

export type Target =
  | {
      ok: true;
      cycle: Cycle;
      department: string;
      keyFactor: FrozenKeyFactor;
      question?: FrozenQuestion;
    }
  | { ok: false; key: string; params: Record<string, string> };

/** Finds what a click or form is about, or explains why it no longer applies. */
export async function resolveTarget(
  ctx: EngineContext,
  where: { cycle: string; department: string; keyFactor?: string; question?: string },
): Promise<Target> {
  const cycle = await getCycle(ctx.store, where.cycle);
  if (!cycle) return { ok: false, key: 'errors.unknownCycle', params: { cycle: where.cycle } };
  if (!isOpen(cycle)) return { ok: false, key: 'errors.cycleClosed', params: { cycle: cycle.id } };
  const department = departmentOf(cycle, where.department);
  if (!department)
    return {
      ok: false,
      key: 'errors.notInCycle',
      params: { cycle: cycle.id, item: where.department },
    };
  if (where.question !== undefined) {
    const located = locateQuestion(cycle, department.id, where.question);
    if (!located)
      return {
        ok: false,
        key: 'errors.notInCycle',
        params: { cycle: cycle.id, item: where.question },
      };
    return { ok: true, cycle, department: department.id, ...located };
  }
  const keyFactor = where.keyFactor === undefined ? undefined : keyFactorOf(cycle, where.keyFactor);
  if (!keyFactor || !department.keyFactors.includes(keyFactor.id)) {
    return {
      ok: false,
      key: 'errors.notInCycle',
      params: { cycle: cycle.id, item: where.keyFactor ?? '' },
    };
  }
  return { ok: true, cycle, department: department.id, keyFactor };
}

/** Whether the cycle's due date has passed (answers are then late). */
export const isLate = (ctx: EngineContext, cycle: Cycle): boolean =>
  ctx.localDate(ctx.clock.now()) > cycle.dueDate;
