import type { EngineContext } from '../checkins/context.ts';
import { emptyRecord, getRecords, type DepartmentRecord } from '../checkins/record-repository.ts';
import { departmentSummaries } from '../checkins/summary-repository.ts';
import type { Cycle } from '../cycles/cycle.ts';
import type { ReviewReader } from './messages.ts';
import { groupKey, waitingFor, type ReviewGroup } from './waiting.ts';

export interface Waiting {
  groups: ReviewGroup[];
  /** The full records of the groups' departments: the answers' words and evidence. */
  records: Map<string, DepartmentRecord>;
}

/**
 * What waits for a reviewer: found from the departments' summaries, then
 * only the records with something to show are read. `also` keeps a group in
 * view that was just reviewed, so a message updated in place does not lose it.
 */
export async function loadWaiting(
  ctx: EngineContext,
  cycle: Cycle,
  reviewer: string,
  also?: ReviewGroup,
): Promise<Waiting> {
  const ids = cycle.departments.map((d) => d.id);
  const summaries = await departmentSummaries(ctx.store, cycle.id, ids);
  const groups = waitingFor(cycle, summaries, reviewer, ctx.directory);
  if (also && !groups.some((g) => groupKey(g) === groupKey(also))) {
    const order = (g: ReviewGroup) => ids.indexOf(g.department) * 1000 + g.keyFactor.number;
    groups.push(also);
    groups.sort((a, b) => order(a) - order(b));
  }
  const departments = [...new Set(groups.map((g) => g.department))];
  const found = await getRecords(ctx.store, cycle.id, departments);
  return {
    groups,
    records: new Map(departments.map((d, i) => [d, found[i] ?? emptyRecord(cycle.id, d)])),
  };
}

/** A reviewer's reader: their language, and whether they may reopen accepted answers. */
export async function reviewReader(
  ctx: EngineContext,
  person: string,
  cycle: Cycle,
): Promise<ReviewReader> {
  return {
    ...(await ctx.reader(person, cycle)),
    coordinator: ctx.directory.isCoordinator(person),
  };
}
