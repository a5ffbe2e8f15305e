import type { MessageRef } from '../chat/port.ts';
import { notice, type MessageView } from '../chat/views.ts';
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
import { introMessage, questionMessage, ratingMessage } from './messages.ts';
import type { Reader } from './reader.ts';
import { nextStep, type Step } from './progress.ts';
import { updateRecord, type DepartmentRecord, type Prompt } from './record-repository.ts';

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
): MessageView {
  switch (step.kind) {
    case 'intro':
      return introMessage(v, step.department, step.keyFactor, summary);
    case 'question':
      return questionMessage(
        v,
        step.department,
        step.keyFactor,
        step.question,
        record?.answers[step.question.id],
        summary,
      );
    case 'rating':
      return ratingMessage(v, step.department, step.keyFactor, record?.ratings[step.keyFactor.id]);
  }
}

/** Sends a step to a person and remembers the message, so it can be closed once answered. */
export async function sendStep(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  step: Step,
  summary?: string,
  known?: Map<string, DepartmentRecord>,
): Promise<MessageRef | undefined> {
  const records = known ?? (await ctx.recordsFor(cycle, person));
  const v = await ctx.view(person, cycle);
  const ref = await ctx.sendTo(person, stepMessage(v, step, records.get(step.department), summary));
  if (ref) {
    const key = promptKey(step);
    await updateRecord(ctx.store, cycle.id, step.department, (record) => {
      record.prompts[key] = [
        ...(record.prompts[key] ?? []).filter((p) => p.person !== person),
        { person, ref },
      ];
    });
  }
  return ref;
}

/**
 * After something was answered: the person's next step, unless its message
 * is already in front of them; or a thank-you when everything is done.
 */
export async function continueWith(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  changed?: DepartmentRecord,
): Promise<void> {
  // The record just saved is not read again.
  const records = await ctx.recordsFor(cycle, person, changed);
  const step = nextStep(cycle, records, person, ctx.directory);
  if (!step) {
    const v = await ctx.view(person, cycle);
    await ctx.sendTo(person, notice(v.t('checkins:done.all', { cycle: cycle.id })));
    return;
  }
  const open = records.get(step.department)?.prompts[promptKey(step)] ?? [];
  if (open.some((p) => p.person === person)) return;
  await sendStep(ctx, cycle, person, step, undefined, records);
}

/**
 * Replaces every open prompt for `key` with what `render` makes of it in each
 * reader's language, and forgets them: old buttons cannot answer twice.
 */
export async function closePrompts(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
  keys: readonly string[],
  render: (v: Reader, key: string) => MessageView,
): Promise<void> {
  const { result: closed } = await updateRecord(ctx.store, cycle.id, department, (record) =>
    takePrompts(record, keys),
  );
  await showClosed(ctx, cycle, department, closed, render);
}

/** An open prompt taken off a record, to be shown as answered. */
export interface TakenPrompt {
  key: string;
  prompt: Prompt;
}

/** Takes the open prompts for `keys` off a record (inside its update, under its lock). */
export function takePrompts(record: DepartmentRecord, keys: readonly string[]): TakenPrompt[] {
  const taken = keys.flatMap((key) =>
    (record.prompts[key] ?? []).map((prompt) => ({ key, prompt })),
  );
  record.prompts = Object.fromEntries(
    Object.entries(record.prompts).filter(([key]) => !keys.includes(key)),
  );
  return taken;
}

/** Replaces taken prompts' messages with what `render` makes of them in each reader's language. */
export async function showClosed(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
  closed: readonly TakenPrompt[],
  render: (v: Reader, key: string) => MessageView,
): Promise<void> {
  for (const { key, prompt } of closed) {
    const v = await ctx.view(prompt.person, cycle);
    try {
      await ctx.port.update(prompt.ref, render(v, key));
    } catch (error) {
      // The answer is saved; a message that cannot be updated (deleted, too old) only keeps stale buttons.
      ctx.logger.warn({ err: error, department, key }, 'could not update an answered prompt');
    }
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
