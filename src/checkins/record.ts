import type { MessageRef } from '../chat/port.ts';
import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import type { Answer, HandOver, Rating, Skip, Stamp } from './answer.ts';
import { sameSummary, summarise, summaryKey, type DepartmentSummary } from './summary.ts';

/** A message that asked someone something; updated in place once it is answered. */
export interface Prompt {
  person: string;
  ref: MessageRef;
}

/**
 * Everything one department said in one cycle. Kept as one record and changed
 * under a lock, so two contacts answering at once never overwrite each other.
 */
export interface DepartmentRecord {
  cycle: string;
  department: string;
  answers: Record<string, Answer>;
  ratings: Record<string, Rating>;
  skips: Record<string, Skip>;
  handOvers: Record<string, HandOver>;
  /** Key factors someone has started, with who and when. */
  started: Record<string, Stamp>;
  /** Open prompts by what they ask: a question id, or `<key factor>:intro` / `<key factor>:rating`. */
  prompts: Record<string, Prompt[]>;
}

export const recordKey = (cycle: string, department: string): string =>
  `record:${cycle}:${department}`;

export function emptyRecord(cycle: string, department: string): DepartmentRecord {
  return {
    cycle,
    department,
    answers: {},
    ratings: {},
    skips: {},
    handOvers: {},
    started: {},
    prompts: {},
  };
}

export async function getRecord(
  store: Store,
  cycle: string,
  department: string,
): Promise<DepartmentRecord> {
  return (
    (await store.get<DepartmentRecord>(recordKey(cycle, department))) ??
    emptyRecord(cycle, department)
  );
}

/**
 * Read-modify-write under the record's lock; `change` may also return a result.
 * The department's summary is kept in step under the same lock.
 */
export function updateRecord<T>(
  store: Store,
  cycle: string,
  department: string,
  change: (record: DepartmentRecord) => T,
): Promise<{ record: DepartmentRecord; result: T }> {
  const key = recordKey(cycle, department);
  const summaryAt = summaryKey(cycle, department);
  return withLock(store, key, async () => {
    const [stored, saved] = await store.getMany<unknown>([key, summaryAt]);
    const record = (stored as DepartmentRecord | undefined) ?? emptyRecord(cycle, department);
    const result = change(record);
    const summary = summarise(record);
    if (sameSummary(saved as DepartmentSummary | undefined, summary)) {
      // Most changes (prompts, texts) leave the summary as it is.
      await store.set(key, record);
    } else {
      // The old summary goes first: if the process stops between the writes, the
      // summary is missing and rebuilt from the record on the next read, never wrong.
      if (saved !== undefined) await store.delete(summaryAt);
      await store.set(key, record);
      await store.set(summaryAt, summary);
    }
    return { record, result };
  });
}
