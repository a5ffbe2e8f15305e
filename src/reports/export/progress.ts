import type { DepartmentRecord } from '../../checkins/record-repository.ts';
import type { FrozenKeyFactor } from '../../cycles/cycle.ts';

export interface Answered {
  answered: number;
  total: number;
}

/**
 * Answered guiding questions of one key factor for one department. A skipped
 * key factor counts as nothing open, as in checkins/status.ts.
 */
export function answeredOf(
  record: DepartmentRecord | undefined,
  keyFactor: FrozenKeyFactor,
): Answered {
  if (record?.skips[keyFactor.id]) return { answered: 0, total: 0 };
  const answered = keyFactor.questions.filter((q) => record?.answers[q.id] !== undefined).length;
  return { answered, total: keyFactor.questions.length };
}

export const sum = (counts: readonly Answered[]): Answered => ({
  answered: counts.reduce((n, c) => n + c.answered, 0),
  total: counts.reduce((n, c) => n + c.total, 0),
});
