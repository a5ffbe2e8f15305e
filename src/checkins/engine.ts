import type { Action } from '../chat/actions.ts';
import type { Evidence } from './answer.ts';
import { isTasaError, ErrorCode } from '../shared/errors.ts';
import { deliverCheckIn, type CheckInOutcome } from './check-in.ts';
import {
  engineContext,
  type Actor,
  type EngineContext,
  type EngineDeps,
  type Interaction,
} from './context.ts';
import { resolveTarget } from './flow.ts';
import { answerForm, handOverForm, notice, ratingForm, skipForm } from './messages.ts';
import { recordAnswer } from './handlers/answer.ts';
import { goBack } from './handlers/back.ts';
import { handOver } from './handlers/hand-over.ts';
import { rateKeyFactor } from './handlers/rate.ts';
import { remindLater } from './handlers/remind-later.ts';
import { resume } from './handlers/resume.ts';
import { explainRefusal, saved, type FormResult } from './handlers/shared.ts';
import { skipKeyFactor } from './handlers/skip.ts';
import { startKeyFactor } from './handlers/start.ts';
import { getRecord } from './record.ts';
import {
  checkPlanForm,
  clickPlanAction,
  isPlanAction,
  planView,
  submitPlanForm,
} from '../action-plans/handlers.ts';
import { markReachable } from '../people/reachability.ts';
import { checkFormValues, type FormValues } from './form-check.ts';
import { translatorFor } from '../i18n/create.ts';

export type { FormValues } from './form-check.ts';

export interface CheckInEngine {
  /** A button was pressed. */
  handleAction(actor: Actor, action: Action, interaction?: Interaction): Promise<void>;
  /** A form was submitted; errors are shown next to their fields. */
  submitForm(
    actor: Actor,
    context: Action,
    values: FormValues,
    interaction?: Interaction,
  ): Promise<FormResult>;
  /** Checks a form's fields without saving: errors by field, in the person's language. */
  checkForm(actor: Actor, context: Action, values: FormValues): Promise<Record<string, string>>;
  resume(actor: Actor, interaction?: Interaction): Promise<void>;
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

const interactionTtlMs = 24 * 60 * 60 * 1000;

export function createCheckInEngine(deps: EngineDeps): CheckInEngine {
  const ctx = engineContext(deps);

  /** The person behind an interaction; remembers the language their platform reports. */
  async function personOf(actor: Actor): Promise<string> {
    const person = ctx.directory.canonicalKey(actor);
    if (actor.locale) await ctx.languageOf(person, actor.locale);
    // Whoever acts can be reached again.
    await markReachable(ctx.store, person);
    return person;
  }

  /** True the first time an interaction is seen; platform retries carry the same id. */
  async function firstTime(interaction: Interaction | undefined): Promise<boolean> {
    if (!interaction?.id) return true;
    return (await ctx.store.claim(`interaction:${interaction.id}`, interactionTtlMs)) !== null;
  }

  /** One boundary for every interaction: a person gets a clear message, never a stack trace. */
  async function guarded<T>(person: string, fallback: T, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const busy = isTasaError(error, ErrorCode.StoreUnavailable);
      ctx.logger.error({ err: error, person }, 'interaction failed');
      // The person's language lives in the store, which may be what failed: fall back to the organisation's.
      const language = await ctx.languageOf(person).catch(() => ctx.config.organization.locale);
      const t = translatorFor(ctx.i18n, language);
      await ctx
        .sendTo(
          person,
          notice(t(busy ? 'checkins:errors.tryAgainShortly' : 'checkins:errors.unexpected')),
        )
        .catch(() => undefined);
      return fallback;
    }
  }

  async function openFormFor(
    person: string,
    actor: Actor,
    action: Action,
    interaction: Interaction | undefined,
  ): Promise<void> {
    if (
      action.kind !== 'explain' &&
      action.kind !== 'rateWithLimits' &&
      action.kind !== 'skip' &&
      action.kind !== 'handOver'
    )
      return;
    const where = action.kind === 'explain' ? { ...action, keyFactor: undefined } : action;
    const target = await resolveTarget(ctx, where);
    if (!target.ok) {
      await explainRefusal(ctx, person, target.key, target.params);
      return;
    }
    const v = await ctx.view(person, target.cycle, actor.locale);
    const record = await getRecord(ctx.store, target.cycle.id, target.department);
    const address = ctx.directory.addressOf(person) ?? {
      platform: actor.platform,
      id: actor.id,
      kind: 'person' as const,
    };
    const form =
      action.kind === 'explain' && target.question
        ? answerForm(
            v,
            target.department,
            target.keyFactor,
            target.question,
            record.answers[target.question.id],
          )
        : action.kind === 'rateWithLimits'
          ? ratingForm(v, target.department, target.keyFactor, record.ratings[target.keyFactor.id])
          : action.kind === 'skip'
            ? skipForm(v, target.department, target.keyFactor)
            : handOverForm(v, target.department, target.keyFactor);
    await ctx.port.openForm(address, interaction?.trigger, form);
  }

  return {
    context: ctx,

    async handleAction(actor, action, interaction) {
      const person = ctx.directory.canonicalKey(actor);
      await guarded(person, undefined, async () => {
        await personOf(actor);
        if (!(await firstTime(interaction))) return;
        if (isPlanAction(action)) return clickPlanAction(ctx, person, actor, action, interaction);
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
            return remindLater(ctx, person);
          case 'resume':
            return resume(ctx, person);
          case 'explain':
          case 'rateWithLimits':
          case 'skip':
          case 'handOver':
            return openFormFor(person, actor, action, interaction);
        }
      });
    },

    async submitForm(actor, context, values, interaction) {
      const person = ctx.directory.canonicalKey(actor);
      return guarded<FormResult>(person, { ok: false, errors: {} }, async () => {
        await personOf(actor);
        if (!(await firstTime(interaction))) return saved;
        if (isPlanAction(context)) return submitPlanForm(ctx, person, actor, context, values);
        switch (context.kind) {
          case 'explain': {
            const explanation = text(values.explanation) ?? '';
            return recordAnswer(ctx, person, actor, {
              ...context,
              status: text(values.status),
              explanation,
              evidence: links(values.evidence) ?? [],
            });
          }
          case 'rateWithLimits':
            return rateKeyFactor(ctx, person, actor, {
              ...context,
              rating: text(values.rating),
              limitingFactors: list(values.limitingFactors) ?? [],
              note: text(values.note) ?? '',
            });
          case 'skip':
            return skipKeyFactor(ctx, person, actor, { ...context, reason: text(values.reason) });
          case 'handOver':
            return handOver(ctx, person, actor, { ...context, colleague: text(values.colleague) });
          default:
            return explainRefusal(ctx, person, 'errors.staleForm', {});
        }
      });
    },

    async checkForm(actor, context, values) {
      const person = await personOf(actor);
      if (isPlanAction(context))
        return checkPlanForm(ctx, await planView(ctx, person), actor, context, values);
      const t = translatorFor(ctx.i18n, await ctx.languageOf(person));
      return checkFormValues(t, context, values, actor.id);
    },

    async resume(actor, interaction) {
      const person = ctx.directory.canonicalKey(actor);
      await guarded(person, undefined, async () => {
        await personOf(actor);
        if (!(await firstTime(interaction))) return;
        await resume(ctx, person);
      });
    },

    deliverCheckIn: (person, cycleId, day) => deliverCheckIn(ctx, person, cycleId, day),
  };
}
