/** The vocabulary of an answer and a key-factor rating. */
export const answerStatuses = ['yes', 'partly', 'no', 'dont_know', 'not_applicable'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const keyFactorRatings = ['not_started', 'started', 'in_progress', 'achieved'] as const;
export type KeyFactorRating = (typeof keyFactorRatings)[number];

export const isAnswerStatus = (v: unknown): v is AnswerStatus =>
  typeof v === 'string' && (answerStatuses as readonly string[]).includes(v);
export const isKeyFactorRating = (v: unknown): v is KeyFactorRating =>
  typeof v === 'string' && (keyFactorRatings as readonly string[]).includes(v);

export interface Evidence {
  url: string;
  title?: string;
}

/** Who did something, and when (ISO instant). */
export interface Stamp {
  by: string;
  at: string;
}

export interface Answer extends Stamp {
  status: AnswerStatus;
  explanation: string;
  evidence: Evidence[];
  /** Given after the cycle's due date. */
  late: boolean;
  /** Increments on every change; forms carry it to spot stale edits. */
  revision: number;
  /** Earlier versions, oldest first. */
  history: Omit<Answer, 'history'>[];
}

export interface Rating extends Stamp {
  rating: KeyFactorRating;
  /** Ids of contextual factors (CF1…CF7) that limit this key factor. */
  limitingFactors: string[];
  note: string;
  late: boolean;
  history: Omit<Rating, 'history'>[];
}

export interface Skip extends Stamp {
  reason: string;
}

export interface HandOver extends Stamp {
  to: string;
}
