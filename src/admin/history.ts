/**
 * One change of the running configuration, as the history keeps it: who,
 * when, what and the value before. People are kept by their key (e.g.
 * `slack:U0EDU1`) and name; never anything anyone answered.
 */
export type HistoryChange =
  | { kind: 'seeded'; departments: number }
  | { kind: 'fileApplied'; changed: string[] }
  | { kind: 'contactAdded'; department: string; person: string; name?: string }
  | { kind: 'contactRemoved'; department: string; person: string; name?: string }
  | { kind: 'departmentAdded'; department: string; name: string }
  | { kind: 'departmentRenamed'; department: string; name: string; previous: string }
  | { kind: 'departmentRetired'; department: string }
  | {
      kind: 'keyFactorsSet';
      department: string;
      keyFactors: string[] | 'all';
      previous: string[] | 'all';
    }
  | { kind: 'coordinatorAdded'; person: string; name?: string }
  | { kind: 'coordinatorRemoved'; person: string; name?: string }
  | { kind: 'reviewerAdded'; person: string; name?: string }
  | { kind: 'reviewerRemoved'; person: string; name?: string }
  | { kind: 'addedToOpenCycle'; cycle: string; department: string; keyFactors: string[] };

export interface HistoryEntry {
  /** ISO instant. */
  at: string;
  /** The person's key, or `file` for an edit of tasa.yaml. */
  by: string;
  /** The configuration's revision after the change. */
  revision: number;
  change: HistoryChange;
}

/** What an erased person's key and name become in the history. */
export const erasedPerson = 'erased';
