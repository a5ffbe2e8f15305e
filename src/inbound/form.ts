import type { Action } from '../chat/actions.ts';
import type { FieldErrors, FormValues } from '../chat/actor.ts';
import { checkPlanForm } from '../action-plans/form-check.ts';
import { isPlanAction } from '../action-plans/plan-action.ts';
import { planReaderIn } from '../action-plans/reader.ts';
import { submitPlanForm } from '../action-plans/submit.ts';
import type { Who } from '../checkins/context.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import type { AdminDeps } from '../admin/administer.ts';
import { isAdminAction } from '../admin/forms.ts';
import { checkAdmin, submitAdmin } from '../admin/interact.ts';
import { explainRefusal } from '../checkins/handlers/shared.ts';
import { isReviewAction } from '../reviews/review-action.ts';
import { checkReviewForm, submitReviewForm } from '../reviews/submit.ts';
import type { Outcome } from './port.ts';

const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/**
 * A submitted form, checked then saved, once for every platform: problems
 * found before saving keep the form open with what was typed; the platform
 * hears the result of the checks (`checked`) before the save begins.
 */
export async function submitForm(
  engine: CheckInEngine,
  admin: AdminDeps,
  who: Who,
  about: Action | undefined,
  values: FormValues,
  checked: ((errors: FieldErrors) => Promise<void>) | undefined,
): Promise<Outcome> {
  if (!about) {
    await checked?.({});
    const refused = await explainRefusal(engine.context, who.person, 'errors.staleForm', {});
    return { kind: 'formErrors', errors: refused.ok ? {} : refused.errors };
  }
  if (isAdminAction(about)) {
    const errors = checkAdmin(engine.context, admin, who, about, values);
    await checked?.(errors);
    if (hasErrors(errors)) return { kind: 'formErrors', errors };
    const result = await submitAdmin(engine.context, admin, who, about, values);
    return result.ok
      ? { kind: 'formSaved', text: who.t('teams:form.saved') }
      : { kind: 'formErrors', errors: result.errors };
  }
  const plan = isPlanAction(about);
  const review = isReviewAction(about);
  const errors = review
    ? checkReviewForm(who, about, values)
    : plan
      ? checkPlanForm(
          engine.context,
          await planReaderIn(engine.context, who.language),
          who.actor,
          about,
          values,
        )
      : engine.check(who, about, values);
  await checked?.(errors);
  if (hasErrors(errors)) return { kind: 'formErrors', errors };
  const result = review
    ? await submitReviewForm(engine.context, who, about, values)
    : plan
      ? await submitPlanForm(engine.context, who.person, who.actor, about, values)
      : await engine.submit(who, about, values);
  return result.ok
    ? { kind: 'formSaved', text: who.t('teams:form.saved') }
    : { kind: 'formErrors', errors: result.errors };
}
