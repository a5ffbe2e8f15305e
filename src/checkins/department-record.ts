import type { MessageRef } from '../chat/port.ts';
import type { Answer, HandOver, Rating, Skip, Stamp } from './answer.ts';

/** A message that asked someone something; updated in place once it is answered. */
export interface Prompt {
  person: string;
  ref: MessageRef;
}

/**
 * Everything one department said in one cycle. Kept as one record and changed
 * under a lock, so two contacts answering at once never overwrite each other.
 */
export interface DepartmentRecord {
  cycle: string;
  department: string;
  answers: Record<string, Answer>;
  ratings: Record<string, Rating>;
  skips: Record<string, Skip>;
  handOvers: Record<string, HandOver>;
  /** Key factors someone has started, with who and when. */
  started: Record<string, Stamp>;
  /** Open prompts by what they ask: a question id, or `<key factor>:intro` / `<key factor>:rating`. */
  prompts: Record<string, Prompt[]>;
}

export function emptyRecord(cycle: string, department: string): DepartmentRecord {
  return {
    cycle,
    department,
    answers: {},
    ratings: {},
    skips: {},
    handOvers: {},
    started: {},
    prompts: {},
  };
}
