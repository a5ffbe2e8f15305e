import type { MessageRef } from '../chat/port.ts';
import type { MessageView } from '../chat/views.ts';
import type { Cycle } from '../cycles/cycle.ts';
import { lastTimeFor } from './carry-over.ts';
import type { EngineContext } from './context.ts';
import { promptKey, stepMessage } from './flow.ts';
import { notice } from '../chat/views.ts';
import type { Reader } from './reader.ts';
import { nextStep, type Step } from './progress.ts';
import type { PromptBook, TakenPrompt } from './prompt-repository.ts';
import type { DepartmentRecord } from './record-repository.ts';

export type { TakenPrompt } from './prompt-repository.ts';

/** Sends a step to a person and remembers the message, so it can be closed once answered. */
export async function sendStep(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  step: Step,
  summary?: string,
  known?: Map<string, DepartmentRecord>,
  book?: PromptBook,
): Promise<MessageRef | undefined> {
  const records = known ?? (await ctx.recordsFor(cycle, person));
  const v = await ctx.reader(person, cycle);
  const lastTime = await lastTimeFor(ctx, cycle, step.department);
  const ref = await ctx.sendTo(
    person,
    stepMessage(v, step, records.get(step.department), summary, lastTime),
  );
  const open = book ?? (await ctx.prompts.bookOf(cycle.id, person));
  if (ref) open.add(step.department, promptKey(step), ref);
  await open.save();
  return ref;
}

/** Whether a record kept before prompts had their own books still holds one for this person. */
const openInRecord = (record: DepartmentRecord | undefined, key: string, person: string) =>
  (record?.prompts[key] ?? []).some((p) => p.person === person);

/**
 * After something was answered: the person's next step, unless its message
 * is already in front of them; or a thank-you when everything is done. `book`
 * is the person's prompt book when the caller already changed it: it is saved
 * once, with the next step's message in it.
 */
export async function continueWith(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  changed?: DepartmentRecord,
  book?: PromptBook,
): Promise<void> {
  // The record just saved is not read again.
  const records = await ctx.recordsFor(cycle, person, changed);
  const mine = book ?? (await ctx.prompts.bookOf(cycle.id, person));
  const step = nextStep(cycle, records, person, ctx.directory);
  if (!step) {
    await mine.save();
    const v = await ctx.reader(person, cycle);
    await ctx.sendTo(person, notice(v.t('checkins:done.all', { cycle: cycle.id })));
    return;
  }
  const key = promptKey(step);
  if (mine.has(step.department, key) || openInRecord(records.get(step.department), key, person)) {
    await mine.save();
    return;
  }
  await sendStep(ctx, cycle, person, step, undefined, records, mine);
}

/** Everyone a department's prompts may have gone to: its contacts and whoever work was handed to. */
export function readersOf(
  ctx: EngineContext,
  department: string,
  record: DepartmentRecord | undefined,
): string[] {
  const handedTo = Object.values(record?.handOvers ?? {}).map((h) => h.to);
  return [...new Set([...ctx.directory.contactsOf(department), ...handedTo])];
}

/**
 * Takes the open prompts for `keys` out of every reader's book and saves the
 * books, except `keep`'s, which is returned unsaved for its owner to save once.
 */
export async function takeFromBooks(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
  keys: readonly string[],
  record: DepartmentRecord | undefined,
  keep?: string,
  /** Where taken messages stay in their books afterwards (answered copies, updated on a later change). */
  keepAs?: (key: string) => string,
): Promise<{ taken: TakenPrompt[]; kept: PromptBook | undefined }> {
  const readers = readersOf(ctx, department, record);
  if (keep && !readers.includes(keep)) readers.push(keep);
  const books = await ctx.prompts.booksOf(cycle.id, readers);
  const taken = books.flatMap((b) => {
    const out = b.take(department, keys);
    if (keepAs) for (const t of out) b.add(department, keepAs(t.key), t.prompt.ref);
    return out;
  });
  await Promise.all(books.filter((b) => b.person !== keep).map((b) => b.save()));
  return { taken, kept: books.find((b) => b.person === keep) };
}

/** The book entry of a question's message once answered: kept, so that a change updates it too. */
export const answeredKey = (question: string): string => `${question}:answered`;

/** Takes prompts a record kept before prompts had their own books (inside its update). */
export function takePrompts(record: DepartmentRecord, keys: readonly string[]): TakenPrompt[] {
  const taken = keys.flatMap((key) =>
    (record.prompts[key] ?? []).map((prompt) => ({ key, prompt })),
  );
  if (taken.length > 0)
    record.prompts = Object.fromEntries(
      Object.entries(record.prompts).filter(([key]) => !keys.includes(key)),
    );
  return taken;
}

/**
 * Replaces every open prompt for `keys` with what `render` makes of it in each
 * reader's language, and forgets them: old buttons cannot answer twice.
 * `saved` is the department's record as the caller just saved it, with the
 * prompts it took off the record in the same change (takePrompts).
 */
export async function closePrompts(
  ctx: EngineContext,
  cycle: Cycle,
  department: string,
  keys: readonly string[],
  render: (v: Reader, key: string) => MessageView,
  saved: { record: DepartmentRecord; taken: TakenPrompt[] },
): Promise<TakenPrompt[]> {
  const { taken } = await takeFromBooks(ctx, cycle, department, keys, saved.record);
  const closed = [...taken, ...saved.taken];
  await showClosed(ctx, cycle, department, closed, render);
  return closed;
}

/**
 * After an answer: the person's next step (see continueWith), and colleagues
 * whose open message for it was just closed move on to theirs, so nobody's
 * flow stops on a closed message.
 */
export async function continueEveryone(
  ctx: EngineContext,
  cycle: Cycle,
  person: string,
  record: DepartmentRecord,
  closed: readonly TakenPrompt[],
  book?: PromptBook,
): Promise<void> {
  await continueWith(ctx, cycle, person, record, book);
  const others = new Set(closed.map((c) => c.prompt.person).filter((p) => p !== person));
  for (const other of others) await continueWith(ctx, cycle, other, record);
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
    const v = await ctx.reader(prompt.person, cycle);
    try {
      await ctx.port.update(prompt.ref, render(v, key));
    } catch (error) {
      // The answer is saved; a message that cannot be updated (deleted, too old) only keeps stale buttons.
      ctx.logger.warn({ err: error, department, key }, 'could not update an answered prompt');
    }
  }
}
