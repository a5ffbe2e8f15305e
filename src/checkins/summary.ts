import type { Answer, HandOver, Rating, Review } from './answer.ts';
import type { DepartmentRecord } from './department-record.ts';

/**
 * What progress and status read of a department record: what is answered
 * (status, lateness, when), rated, skipped and started, and who work was
 * handed to. A full record is one; so is its summary.
 */
export interface DepartmentProgress {
  answers: Record<
    string,
    Pick<Answer, 'status' | 'late' | 'at' | 'confirmedFrom'> & { review?: Pick<Review, 'state'> }
  >;
  ratings: Record<string, Pick<Rating, 'rating'>>;
  skips: Record<string, unknown>;
  started: Record<string, unknown>;
  handOvers: Record<string, Pick<HandOver, 'to'>>;
}

/**
 * A department record without its words (explanations, evidence, history,
 * prompts): a few hundred bytes where the record has tens of kilobytes, so a
 * city-wide status reads summaries instead of records. Saved with every
 * change of the record, under its lock (see updateRecord).
 */
export interface DepartmentSummary extends DepartmentProgress {
  cycle: string;
  department: string;
  skips: Record<string, true>;
  started: Record<string, true>;
}

export const summaryKey = (cycle: string, department: string): string =>
  `summary:${cycle}:${department}`;

const mapValues = <V, W>(from: Record<string, V>, map: (value: V) => W): Record<string, W> =>
  Object.fromEntries(Object.entries(from).map(([key, value]) => [key, map(value)]));

export function summarise(record: DepartmentRecord): DepartmentSummary {
  return {
    cycle: record.cycle,
    department: record.department,
    // The review's state only, and only when there is one: a peer review changes the summary.
    answers: mapValues(record.answers, ({ status, late, at, confirmedFrom, review }) => ({
      status,
      late,
      at,
      ...(confirmedFrom === undefined ? {} : { confirmedFrom }),
      ...(review ? { review: { state: review.state } } : {}),
    })),
    ratings: mapValues(record.ratings, ({ rating }) => ({ rating })),
    skips: mapValues(record.skips, () => true as const),
    started: mapValues(record.started, () => true as const),
    handOvers: mapValues(record.handOvers, ({ to }) => ({ to })),
  };
}

/** Same content; both sides come from summarise, so key order matches too. */
export const sameSummary = (a: DepartmentSummary | undefined, b: DepartmentSummary): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);
