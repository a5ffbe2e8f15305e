import type { Action } from '../chat/actions.ts';
import { textValue as text, type FormValues } from '../chat/actor.ts';
import type { Translator } from '../i18n/create.ts';
import { isAnswerStatus, isKeyFactorRating, type Evidence } from './answer.ts';
import { fieldErrors } from './handlers/shared.ts';
import { limits } from './limits.ts';
import { checkEvidence, textProblem, type InputProblem } from './validate.ts';

export type { FormValues } from '../chat/actor.ts';

/**
 * The checks a form's fields can be given at once, before anything is saved,
 * so a platform can show them next to the fields (Slack must answer in 3 s).
 */
export function checkFormValues(
  t: Translator,
  context: Action,
  values: FormValues,
  self?: string,
): Record<string, string> {
  const problems: InputProblem[] = [];
  const push = (problem: InputProblem | undefined) => {
    if (problem) problems.push(problem);
  };
  switch (context.kind) {
    case 'explain': {
      if (!isAnswerStatus(values.status))
        push({ field: 'status', key: 'statusRequired', params: {} });
      push(textProblem('explanation', text(values.explanation), limits.explanation));
      const links = Array.isArray(values.evidence)
        ? values.evidence.filter((v): v is Evidence => typeof v === 'object')
        : [];
      problems.push(...checkEvidence('evidence', links).problems);
      break;
    }
    case 'rateWithLimits':
      if (!isKeyFactorRating(values.rating))
        push({ field: 'rating', key: 'ratingRequired', params: {} });
      push(textProblem('note', text(values.note), limits.note));
      break;
    case 'skip':
      if (text(values.reason) === '') push({ field: 'reason', key: 'reasonRequired', params: {} });
      push(textProblem('reason', text(values.reason), limits.reason));
      break;
    case 'handOver':
      if (text(values.colleague) === '')
        push({ field: 'colleague', key: 'colleagueRequired', params: {} });
      else if (text(values.colleague) === self)
        push({ field: 'colleague', key: 'colleagueSelf', params: {} });
      break;
    default:
      break;
  }
  return fieldErrors(t, problems);
}
