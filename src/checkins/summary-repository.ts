import type { Store } from '../store/store.ts';
import { withLock } from '../store/lock.ts';
import { emptyRecord, recordKey, type DepartmentRecord } from './record-repository.ts';
import { summarise, summaryKey, type DepartmentSummary } from './summary.ts';

/**
 * Saves a summary built from the record, unless one was saved meanwhile. Under
 * the record's lock and from the record read there, so it cannot overwrite a
 * newer summary with an older one.
 */
async function saveRebuilt(store: Store, cycle: string, department: string): Promise<void> {
  const key = summaryKey(cycle, department);
  await withLock(store, recordKey(cycle, department), async () => {
    const [saved, record] = await store.getMany<unknown>([key, recordKey(cycle, department)]);
    if (saved === undefined && record !== undefined)
      await store.set(key, summarise(record as DepartmentRecord));
  }).catch(() => {
    // Only a shortcut for later reads: a busy lock or failed write leaves the
    // summary missing, and the next read builds it from the record again.
  });
}

/**
 * Summaries built from the records, for departments that have none yet (records
 * kept before summaries existed, or a write cut short), and saved for the next
 * read, one at a time so that other store work is not queued behind them.
 */
async function rebuild(
  store: Store,
  cycle: string,
  departments: readonly string[],
): Promise<DepartmentSummary[]> {
  const records = await store.getMany<DepartmentRecord>(
    departments.map((d) => recordKey(cycle, d)),
  );
  // A department nobody has written for has no record: its summary is the empty one, not saved.
  for (const [i, d] of departments.entries()) if (records[i]) await saveRebuilt(store, cycle, d);
  return departments.map((d, i) => summarise(records[i] ?? emptyRecord(cycle, d)));
}

/** The summaries of some departments' records in a cycle, in one read. */
export async function departmentSummaries(
  store: Store,
  cycle: string,
  departments: readonly string[],
): Promise<Map<string, DepartmentSummary>> {
  const found = await store.getMany<DepartmentSummary>(
    departments.map((d) => summaryKey(cycle, d)),
  );
  const missing = departments.filter((_, i) => found[i] === undefined);
  const rebuilt = missing.length > 0 ? await rebuild(store, cycle, missing) : [];
  const byDepartment = new Map(rebuilt.map((summary) => [summary.department, summary]));
  return new Map(
    departments.map((d, i) => [
      d,
      found[i] ?? byDepartment.get(d) ?? summarise(emptyRecord(cycle, d)),
    ]),
  );
}
