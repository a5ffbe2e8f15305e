import type { Catalogue } from '../catalogue/load.ts';
import type { ConfigProblem } from '../config/problems.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import { applyRequest, type AdminRequest, type Refusal } from './changes.ts';
import { handBack } from './hand-back.ts';
import type { HistoryChange } from './history.ts';
import { addToOpenCycle, type OpenCycleAddition } from './open-cycle.ts';
import { personKeyOf } from './people-part.ts';
import type { Settings } from './settings.ts';
import { problemsWith } from './validate.ts';

export interface AdminDeps {
  settings: Settings;
  store: Store;
  clock: Clock;
  logger: Logger;
  catalogue: Catalogue;
}

export type AdminOutcome =
  | {
      kind: 'changed';
      change: HistoryChange;
      revision: number;
      /** Key factors handed to a removed contact that went back to the department. */
      handedBack?: string[];
    }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'invalid'; problems: ConfigProblem[] };

/**
 * One change by a coordinator: made on the newest stored configuration under
 * its lock, checked by the configuration's own rules, recorded in the history
 * and the log, and in effect on this replica at once (on the others at their
 * next interaction or scheduled run).
 */
export async function administer(
  deps: AdminDeps,
  by: string,
  request: AdminRequest,
): Promise<AdminOutcome> {
  const { settings } = deps;
  const at = deps.clock.now().toISOString();
  const config = settings.current();
  const { settings: saved, result } = await settings.repository.change<AdminOutcome>(
    (stored, revision) => {
      const people = stored?.people ?? {
        coordinators: config.coordinators,
        reviewers: config.reviewers,
        departments: config.departments,
      };
      const applied = applyRequest(people, request, config.organization.locale);
      if (!applied.ok)
        return { kind: 'keep', result: { kind: 'refused', refusal: applied.refusal } };
      const problems = problemsWith(config, applied.part);
      if (problems.length > 0) return { kind: 'keep', result: { kind: 'invalid', problems } };
      return {
        kind: 'save',
        people: applied.part,
        // Never seeded (the store was empty at start): the file's part is what runs.
        ...(stored ? {} : { file: people }),
        entries: [{ at, by, revision, change: applied.change }],
        result: { kind: 'changed', change: applied.change, revision },
      };
    },
  );
  if (result.kind !== 'changed') return result;
  settings.adopt(saved);
  deps.logger.info(
    { by, change: result.change.kind, revision: result.revision, ...subjectOf(result.change) },
    'configuration changed in chat',
  );
  if (request.kind !== 'contactRemove') return result;
  const back = await handBack(deps.store, request.department, personKeyOf(request.person));
  return back && back.keyFactors.length > 0 ? { ...result, handedBack: back.keyFactors } : result;
}

/** What the change is about, for the log line: ids only, never a name. */
function subjectOf(change: HistoryChange): Record<string, string> {
  return {
    ...('department' in change ? { department: change.department } : {}),
    ...('person' in change ? { person: change.person } : {}),
  };
}

/** Adds a department (or the key factors it now has) to the open cycle, and records that. */
export async function extendOpenCycle(
  deps: AdminDeps,
  by: string,
  departmentId: string,
): Promise<OpenCycleAddition | { kind: 'unknownDepartment' }> {
  const config = deps.settings.current();
  const department = config.departments.find((d) => d.id === departmentId);
  if (!department) return { kind: 'unknownDepartment' };
  const added = await addToOpenCycle(deps.store, config, deps.catalogue, department);
  if (added.kind !== 'added') return added;
  const at = deps.clock.now().toISOString();
  const { settings: saved } = await deps.settings.repository.change((stored, revision) =>
    stored
      ? {
          kind: 'save',
          people: stored.people,
          entries: [
            {
              at,
              by,
              revision,
              change: {
                kind: 'addedToOpenCycle',
                cycle: added.cycle.id,
                department: departmentId,
                keyFactors: added.keyFactors,
              },
            },
          ],
          result: undefined,
        }
      : { kind: 'keep', result: undefined },
  );
  deps.settings.adopt(saved);
  deps.logger.info(
    { by, cycle: added.cycle.id, department: departmentId, keyFactors: added.keyFactors },
    'department added to the open cycle',
  );
  return added;
}
