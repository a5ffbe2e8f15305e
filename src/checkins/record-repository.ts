import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import { emptyRecord, type DepartmentRecord } from './department-record.ts';

export { emptyRecord, type DepartmentRecord, type Prompt } from './department-record.ts';
import { sameSummary, summarise, summaryKey, type DepartmentSummary } from './summary.ts';

export const recordKey = (cycle: string, department: string): string =>
  `record:${cycle}:${department}`;

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

/** Several departments' records of a cycle in one read; an empty one where none is kept. */
export async function getRecords(
  store: Store,
  cycle: string,
  departments: readonly string[],
): Promise<DepartmentRecord[]> {
  const found = await store.getMany<DepartmentRecord>(departments.map((d) => recordKey(cycle, d)));
  return departments.map((d, i) => found[i] ?? emptyRecord(cycle, d));
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
      // One write for both: a summary never disagrees with its record, even when the
      // process stops or the store fails in the middle.
      await store.setMany([
        { key, value: record },
        { key: summaryAt, value: summary },
      ]);
    }
    return { record, result };
  });
}
