/**
 * The benchmark's own vocabulary: how a guiding question is answered and how
 * far a key factor has come. Kept in the kernel because buttons carry it.
 */
export const answerStatuses = ['yes', 'partly', 'no', 'dont_know', 'not_applicable'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const keyFactorRatings = ['not_started', 'started', 'in_progress', 'achieved'] as const;
export type KeyFactorRating = (typeof keyFactorRatings)[number];

export const isAnswerStatus = (v: unknown): v is AnswerStatus =>
  typeof v === 'string' && (answerStatuses as readonly string[]).includes(v);
export const isKeyFactorRating = (v: unknown): v is KeyFactorRating =>
  typeof v === 'string' && (keyFactorRatings as readonly string[]).includes(v);

/** A link given as evidence for an answer or an action item. */
export interface Evidence {
  url: string;
  title?: string;
  /** When the link was given (ISO instant); older links may be out of date. */
  addedAt?: string;
  /** The document's own date (YYYY-MM-DD), when the contact gives one. */
  validFrom?: string;
}

/** Where a reviewer left an answer: accepted, or sent back with a comment. */
export const reviewStates = ['not_reviewed', 'changes_requested', 'accepted'] as const;
export type ReviewState = (typeof reviewStates)[number];

/** A reviewer's verdict on one answer. */
export interface Review {
  state: Exclude<ReviewState, 'not_reviewed'>;
  by: string;
  at: string;
  /** Why changes are requested (required then), in the reviewer's words. */
  comment?: string;
}

/** Who did something, and when (ISO instant). */
export interface Stamp {
  by: string;
  at: string;
}
