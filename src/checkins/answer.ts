import type { AnswerStatus, Evidence, KeyFactorRating, Stamp } from '../shared/benchmark.ts';

export {
  answerStatuses,
  isAnswerStatus,
  isKeyFactorRating,
  keyFactorRatings,
  type AnswerStatus,
  type Evidence,
  type KeyFactorRating,
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
