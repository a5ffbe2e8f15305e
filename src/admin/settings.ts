import type { ConfigProblem } from '../config/problems.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import {
  adminRevisionKey,
  createAdminRepository,
  type AdminRepository,
  type StoredSettings,
} from './admin-repository.ts';
import { changedPaths, mergeFileEdit } from './merge.ts';
import { openCycleOf } from '../cycles/repository.ts';
import { peoplePartOf, sameValue, withPeoplePart, type PeoplePart } from './people-part.ts';
import { problemsWith } from './validate.ts';

/** What came of loading the file (at start, on an edit, on SIGHUP). */
export type FileOutcome =
  | { kind: 'seeded' }
  | { kind: 'applied'; changed: string[] }
  | { kind: 'unchanged' }
  | { kind: 'refused'; problems: ConfigProblem[] };

/**
 * The effective configuration: the file's, with the people part kept in the
 * store so that a change in chat reaches every replica sharing it. Readers
 * call `current()`; `refresh()` (one read of the revision) brings in a change
 * another replica made.
 */
export interface Settings {
  current(): OrganizationConfig;
  revision(): number;
  /** The key `refresh` reads, for fetching it with an interaction's other reads. */
  readonly revisionKeys: readonly string[];
  refresh(): Promise<void>;
  /** Seeds the store from the file on first start, or brings in what the file changed since. */
  load(file: OrganizationConfig): Promise<FileOutcome>;
  /** Takes settings just saved by this replica, without reading them again. */
  adopt(stored: StoredSettings | undefined): void;
  readonly repository: AdminRepository;
}

export interface SettingsDeps {
  /** The file as loaded at start; until `load` runs, its people part is what runs. */
  file: OrganizationConfig;
  /** The store the revision is read through (an interaction's read-ahead store). */
  store: Store;
  clock: Clock;
  logger: Logger;
}

/**
 * A department the open cycle asks is not taken out by a file edit: it is kept,
 * retired, so that its contacts still answer until the cycle closes.
 */
function keepAsked(
  merged: PeoplePart,
  running: PeoplePart,
  asked: ReadonlySet<string>,
): PeoplePart {
  const dropped = running.departments.filter(
    (d) => asked.has(d.id) && !merged.departments.some((m) => m.id === d.id),
  );
  if (dropped.length === 0) return merged;
  return {
    ...merged,
    departments: [...merged.departments, ...dropped.map((d) => ({ ...d, retired: true }))],
  };
}

export function createSettings(deps: SettingsDeps): Settings {
  const repository = createAdminRepository(deps.store);
  let file = deps.file;
  let stored: StoredSettings | undefined;
  let snapshot = file;

  const adopt = (next: StoredSettings | undefined): void => {
    if (next && stored && next.revision < stored.revision) return; // an older copy never wins
    stored = next;
    snapshot = next ? withPeoplePart(file, next.people) : file;
  };

  async function load(next: OrganizationConfig): Promise<FileOutcome> {
    const part = peoplePartOf(next);
    const at = deps.clock.now().toISOString();
    const asked = new Set((await openCycleOf(deps.store))?.departments.map((d) => d.id));
    const { settings, result } = await repository.change<FileOutcome>((current, revision) => {
      if (!current)
        return {
          kind: 'save',
          people: part,
          file: part,
          entries: [
            {
              at,
              by: 'file',
              revision,
              change: { kind: 'seeded', departments: part.departments.length },
            },
          ],
          result: { kind: 'seeded' },
        };
      // Another replica may have brought the same edit in already.
      if (sameValue(current.file, part)) return { kind: 'keep', result: { kind: 'unchanged' } };
      const people = keepAsked(
        mergeFileEdit(current.file, part, current.people),
        current.people,
        asked,
      );
      const problems = problemsWith(next, people);
      if (problems.length > 0) return { kind: 'keep', result: { kind: 'refused', problems } };
      const changed = changedPaths(current.file, part);
      return {
        kind: 'save',
        people,
        file: part,
        entries: [{ at, by: 'file', revision, change: { kind: 'fileApplied', changed } }],
        result: { kind: 'applied', changed },
      };
    });
    if (result.kind === 'refused') {
      // At start nothing runs yet: run on what the store keeps, with the file's other sections.
      if (!stored) {
        file = next;
        adopt(settings);
      }
      return result;
    }
    file = next;
    stored = undefined;
    adopt(settings);
    return result;
  }

  return {
    current: () => snapshot,
    revision: () => stored?.revision ?? 0,
    revisionKeys: [adminRevisionKey],
    async refresh() {
      const revision = await repository.revision();
      if (revision === (stored?.revision ?? 0)) return;
      adopt(await repository.read());
    },
    load,
    adopt,
    repository,
  };
}
