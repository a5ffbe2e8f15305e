import type { Action } from '../chat/actions.ts';
import type { FieldErrors, FormValues, Interaction } from '../chat/actor.ts';
import type { Evidence } from '../shared/benchmark.ts';
import { deliverCheckIn, type CheckInOutcome } from './check-in.ts';
import { engineContext, type EngineContext, type EngineDeps, type Who } from './context.ts';
import { checkFormValues } from './form-check.ts';
import { recordAnswer } from './handlers/answer.ts';
import { goBack } from './handlers/back.ts';
import { confirmKeyFactor, sameAsLastTime, sameRatingAsLastTime } from './handlers/confirm.ts';
import { handOver } from './handlers/hand-over.ts';
import { openCheckInForm } from './handlers/open-form.ts';
import { rateKeyFactor } from './handlers/rate.ts';
import { remindLater } from './handlers/remind-later.ts';
import { resume } from './handlers/resume.ts';
import { explainRefusal, type FormResult } from './handlers/shared.ts';
import { skipKeyFactor } from './handlers/skip.ts';
import { startKeyFactor } from './handlers/start.ts';

/** The check-ins' own actions: everything but the action plan's, the peer review's and administration's. */
export type CheckInAction = Exclude<
  Action,
  { kind: `action${string}` | `review${string}` | `admin${string}` }
>;

/**
 * The check-in use cases, reached through the inbound port, which has already
 * counted the delivery once and resolved who acts and in which language.
 */
export interface CheckInEngine {
  /** A button was pressed. */
  click(who: Who, action: CheckInAction, interaction: Interaction): Promise<void>;
  /** The checks a form's fields can be given before anything is saved. */
  check(who: Who, about: CheckInAction, values: FormValues): FieldErrors;
  /** A checked form is saved; what could not be saved comes back by field. */
  submit(who: Who, about: CheckInAction, values: FormValues): Promise<FormResult>;
  deliverCheckIn(person: string, cycleId: string, day: string): Promise<CheckInOutcome>;
  readonly context: EngineContext;
}

const text = (value: FormValues[string]): string | undefined =>
  typeof value === 'string' ? value : undefined;
const list = (value: FormValues[string]): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
const links = (value: FormValues[string]): Evidence[] | undefined =>
  Array.isArray(value)
    ? value.filter((v): v is Evidence => typeof v === 'object' && v !== null && 'url' in v)
    : undefined;

export function createCheckInEngine(deps: EngineDeps): CheckInEngine {
  const ctx = engineContext(deps);

  return {
    context: ctx,

    async click(who, action, interaction) {
      const { person, actor } = who;
      switch (action.kind) {
        case 'start':
          return startKeyFactor(ctx, person, actor, action);
        case 'answer':
          await recordAnswer(ctx, person, actor, { ...action });
          return;
        case 'back':
          return goBack(ctx, person, action);
        case 'rate':
          await rateKeyFactor(ctx, person, actor, { ...action });
          return;
        case 'remindLater':
          return remindLater(ctx, person, action, interaction.message);
        case 'resume':
          return resume(ctx, person);
        case 'confirm':
          return confirmKeyFactor(ctx, person, actor, action);
        case 'same':
          return sameAsLastTime(ctx, person, actor, action);
        case 'sameRating':
          return sameRatingAsLastTime(ctx, person, actor, action);
        case 'explain':
        case 'rateWithLimits':
        case 'skip':
        case 'handOver':
          return openCheckInForm(ctx, who, action, interaction);
      }
    },

    check: (who, about, values) => checkFormValues(who.t, about, values, who.actor.id),

    async submit(who, about, values) {
      const { person, actor } = who;
      switch (about.kind) {
        case 'explain':
          return recordAnswer(ctx, person, actor, {
            ...about,
            status: text(values.status),
            explanation: text(values.explanation) ?? '',
            evidence: links(values.evidence) ?? [],
          });
        case 'rateWithLimits':
          return rateKeyFactor(ctx, person, actor, {
            ...about,
            rating: text(values.rating),
            limitingFactors: list(values.limitingFactors) ?? [],
            note: text(values.note) ?? '',
          });
        case 'skip':
          return skipKeyFactor(ctx, person, actor, { ...about, reason: text(values.reason) });
        case 'handOver':
          return handOver(ctx, person, actor, { ...about, colleague: text(values.colleague) });
        default:
          return explainRefusal(ctx, person, 'errors.staleForm', {});
      }
    },

    deliverCheckIn: (person, cycleId, day) => deliverCheckIn(ctx, person, cycleId, day),
  };
}
