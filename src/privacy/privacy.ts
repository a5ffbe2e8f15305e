import { anonymiseItemsInactiveBefore } from '../action-plans/repository.ts';
import { anonymiseRecordsClosedBefore } from '../checkins/record-privacy.ts';
import type { Directory } from '../people/directory.ts';
import type { DataSubject, PersonalData } from '../shared/personal-data.ts';

type ExportOf<Part> = Part extends PersonalData<infer Export> ? Export : never;
type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
  value: infer Both,
) => void
  ? Both
  : never;

/** What Tasa keeps about one person, for a data-subject access request: every share, merged. */
export type PersonData<Parts extends readonly PersonalData[]> = {
  person: string;
  exportedAt: string;
} & Intersection<ExportOf<Parts[number]>>;

/** How many records each share kept in common records changed, by the share's name. */
export type ErasureReport = Record<string, number>;

export interface Privacy<Parts extends readonly PersonalData[]> {
  /** Everything attributed to a person, from every share. */
  export(person: string, now: Date): Promise<PersonData<Parts>>;
  /**
   * Erases a person from every share: answers keep their content for the
   * benchmark, attributed to the department; what is only theirs is deleted.
   */
  erase(person: string): Promise<ErasureReport>;
}

/** Data-subject requests over the shares of every repository that keeps people's data. */
export function createPrivacy<const Parts extends readonly PersonalData[]>(
  parts: Parts,
  directory: Pick<Directory, 'refsOf'>,
): Privacy<Parts> {
  const subjectOf = (person: string): DataSubject => ({ person, refs: directory.refsOf(person) });
  return {
    async export(person, now) {
      const subject = subjectOf(person);
      const data: Record<string, unknown> = { person, exportedAt: now.toISOString() };
      for (const part of parts) Object.assign(data, await part.export(subject));
      // Each share's export type is part of PersonData<Parts>, and each was merged in.
      return data as PersonData<Parts>;
    },
    async erase(person) {
      const subject = subjectOf(person);
      const report: ErasureReport = {};
      for (const part of parts) {
        const changed = await part.erase(subject);
        if (typeof changed === 'number') report[part.name] = changed;
      }
      return report;
    },
  };
}

/** The store the records and the action items are kept in. */
type RetentionStore = Parameters<typeof anonymiseRecordsClosedBefore>[0] &
  Parameters<typeof anonymiseItemsInactiveBefore>[0];

/**
 * Retention: personal data in cycles closed more than the retention period
 * ago is anonymised — answers stay, attributed to their departments — and so
 * are action items done or cancelled and untouched since.
 */
export async function applyRetention(store: RetentionStore, cutoff: string): Promise<number> {
  return (
    (await anonymiseRecordsClosedBefore(store, cutoff)) +
    (await anonymiseItemsInactiveBefore(store, cutoff))
  );
}
