import type { AnswerStatus, KeyFactorRating } from '../checkins/answer.ts';

/**
 * What a button or form is about. Adapters put it into the button's value
 * and hand it back unchanged with the person's click or submission, so it is
 * kept small (Slack allows 2,000 characters in a button value).
 */
export type Action =
  | { kind: 'start'; cycle: string; department: string; keyFactor: string }
  | {
      kind: 'answer';
      cycle: string;
      department: string;
      question: string;
      status: AnswerStatus;
      revision: number;
    }
  | { kind: 'explain'; cycle: string; department: string; question: string; revision: number }
  | { kind: 'back'; cycle: string; department: string; question: string }
  | { kind: 'rate'; cycle: string; department: string; keyFactor: string; rating: KeyFactorRating }
  | { kind: 'rateWithLimits'; cycle: string; department: string; keyFactor: string }
  | { kind: 'skip'; cycle: string; department: string; keyFactor: string }
  | { kind: 'handOver'; cycle: string; department: string; keyFactor: string }
  | { kind: 'remindLater'; cycle: string; department: string; keyFactor: string }
  | { kind: 'resume' }
  /** Action plans: a new measure (optionally for a department and framework item), and an item's actions. */
  | { kind: 'actionNew'; department?: string; serves?: string }
  | { kind: 'actionEdit'; item: string }
  | { kind: 'actionDone'; item: string }
  | { kind: 'actionNote'; item: string }
  | { kind: 'actionMove'; item: string }
  | { kind: 'actionSnooze'; item: string; days: number };

export type ActionKind = Action['kind'];
