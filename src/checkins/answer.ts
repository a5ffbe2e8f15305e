import type {
  AnswerStatus,
  Evidence,
  KeyFactorRating,
  Review,
  Stamp,
} from '../shared/benchmark.ts';

export {
  answerStatuses,
  isAnswerStatus,
  isKeyFactorRating,
  keyFactorRatings,
  type AnswerStatus,
  type Evidence,
  type KeyFactorRating,
  type Review,
  type ReviewState,
  type Stamp,
} from '../shared/benchmark.ts';

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
  /** The cycle this answer was confirmed from, unchanged ("still true"). */
  confirmedFrom?: string;
  /** The latest review of this answer; none while not reviewed. */
  review?: Review;
}

export interface Rating extends Stamp {
  rating: KeyFactorRating;
  /** Ids of contextual factors (CF1…CF7) that limit this key factor. */
  limitingFactors: string[];
  note: string;
  late: boolean;
  history: Omit<Rating, 'history'>[];
  /** The cycle this rating was confirmed from, unchanged. */
  confirmedFrom?: string;
}

export interface Skip extends Stamp {
  reason: string;
}

export interface HandOver extends Stamp {
  to: string;
}
