import type { Action } from '../chat/actions.ts';
import type { Actor, Interaction } from '../chat/actor.ts';
import type { Who } from '../checkins/context.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import { notice } from '../chat/views.ts';
import { interactionKeys } from '../checkins/read-ahead-keys.ts';
import { runCommand } from '../commands/run.ts';
import type { CommandServices } from '../commands/types.ts';
import { configuredName } from '../config/schema.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import { homeMessage } from '../home/home-message.ts';
import { translatorFor } from '../i18n/create.ts';
import { isReviewAction } from '../reviews/review-action.ts';
import { ErrorCode, isTasaError } from '../shared/errors.ts';
import { concurrencyLimit } from '../shared/limit.ts';
import type { ReadAhead } from '../store/read-ahead.ts';
import { answerInTime } from './answer-in-time.ts';
import { authorise } from './authorise.ts';
import { click } from './click.ts';
import type { DeliveriesRepository } from './deliveries-repository.ts';
import { submitForm } from './form.ts';
import { removed, welcome } from './install.ts';
import type { Input, InboundPort, Outcome } from './port.ts';
import { resolveWho } from './who.ts';

export interface InboundDeps {
  core: CommandServices;
  cycleDeps: CycleDeps;
  deliveries: DeliveriesRepository;
  /** The store the core reads through, so that an interaction's reads are fetched together. */
  ahead: ReadAhead;
  /** The running configuration, brought up to date (one read, fetched with the others) first. */
  settings?: { readonly revisionKeys: readonly string[]; refresh(): Promise<void> };
}

const done: Outcome = { kind: 'done' };

/** Within Slack's 3 s for a modal, with room for the way back. */
const formDeadlineMs = 2_500;

/** Interactions worked on at once; the others wait, in order, for a few milliseconds each. */
const interactionsAtOnce = 4;

/**
 * The core's one way in. Once for every platform and every kind of input: a
 * delivery counts once, the person and their language are resolved, and
 * nobody ever sees a stack trace — a failure is a clear message in their
 * language, sent to them, and what they typed stays in their form.
 */
export function createInbound(deps: InboundDeps): InboundPort {
  const engine: CheckInEngine = deps.core.engine;
  const ctx = engine.context;
  // A burst of interactions (50 people opening status at once) is worked through a few at a
  // time: their continuations then never pile up into one long turn of the event loop, which
  // would hold up every acknowledgement and health check behind it.
  const inTurn = concurrencyLimit(interactionsAtOnce);

  async function handle(who: Who, input: Input): Promise<Outcome> {
    const interaction: Interaction = {
      ...(input.delivery ? { id: input.delivery } : {}),
      ...((input.kind === 'click' || input.kind === 'command') && input.trigger
        ? { trigger: input.trigger }
        : {}),
      ...(input.kind === 'click' && input.message ? { message: input.message } : {}),
    };
    switch (input.kind) {
      case 'click':
        if (!(await authorise(ctx, who, input.action))) return refuse(who, input.action);
        await click(engine, deps.core.admin, who, input.action, interaction);
        return done;
      case 'form':
        if (input.about && !(await authorise(ctx, who, input.about, input.values))) {
          await input.checked?.({});
          return refuse(who, input.about);
        }
        return submitForm(engine, deps.core.admin, who, input.about, input.values, input.checked);
      case 'command':
        return {
          kind: 'reply',
          message: await runCommand(deps.core, deps.cycleDeps, who.actor, input.text, interaction),
        };
      case 'homeOpened':
        return {
          kind: 'home',
          view: await homeMessage(deps.core, ctx.store, who.person, who.language, who.t),
        };
      case 'installed':
        if (!input.greet) return done;
        return {
          kind: 'reply',
          message: welcome(who, await runCommand(deps.core, deps.cycleDeps, who.actor, 'help')),
        };
      case 'removed':
        await removed(engine, who.person);
        return done;
    }
  }

  /**
   * A refusal reads nothing of what was asked for: a forged button learns no
   * more than the department's name from the configuration.
   */
  async function refuse(who: Who, about: Action): Promise<Outcome> {
    ctx.logger.warn({ person: who.person }, 'refused an action the person may not take');
    if (isReviewAction(about)) {
      const key = about.kind === 'reviewReopen' ? 'reopenCoordinatorsOnly' : 'reviewersOnly';
      const text = who.t(`reviews:errors.${key}`);
      await ctx.sendTo(who.person, notice(text));
      return { kind: 'formErrors', errors: { _form: text } };
    }
    const department = ctx.config.departments.find(
      (d) => 'cycle' in about && d.id === about.department,
    );
    const text = department
      ? who.t('checkins:errors.notAContact', {
          department: configuredName(department, who.language),
        })
      : who.t('checkins:errors.notAllowed');
    await ctx.sendTo(who.person, notice(text));
    return { kind: 'formErrors', errors: { _form: text } };
  }

  /** A failure, told to the person in their language (the organisation's when the store is away). */
  async function failed(actor: Actor, input: Input, error: unknown): Promise<Outcome> {
    const person = ctx.directory.canonicalKey(actor);
    ctx.logger.error({ err: error, person, input: input.kind }, 'interaction failed');
    const busy = isTasaError(error, ErrorCode.StoreUnavailable);
    const language = await ctx.languageOf(person).catch(() => ctx.config.organization.locale);
    const t = translatorFor(ctx.i18n, language);
    const message = notice(
      t(busy ? 'checkins:errors.tryAgainShortly' : 'checkins:errors.unexpected'),
    );
    // Text input is answered in place; a click or form is answered in the person's chat.
    if (input.kind === 'command' || input.kind === 'homeOpened') return { kind: 'reply', message };
    await ctx.sendTo(person, message).catch(() => undefined);
    // A form stays open with its text where the platform can keep it (`_form`: the form as a whole).
    return input.kind === 'form' ? { kind: 'formErrors', errors: { _form: message.text } } : done;
  }

  return {
    async receive(given) {
      const { input, settle } = answerInTime(given, formDeadlineMs, () => ({
        _form: translatorFor(
          ctx.i18n,
          ctx.config.organization.locale,
        )('checkins:errors.tryAgainShortly'),
      }));
      try {
        return await inTurn(() => work(input));
      } finally {
        settle();
      }
    },
  };

  async function work(input: Input): Promise<Outcome> {
    try {
      if (!(await deps.deliveries.firstTime(input.delivery))) return { kind: 'duplicate' };
      return await deps.ahead.within(async () => {
        const person = ctx.directory.canonicalKey(input.actor);
        const about =
          input.kind === 'click' ? input.action : input.kind === 'form' ? input.about : undefined;
        await deps.ahead.fetch([
          ...interactionKeys(ctx.directory, person, about),
          ...(deps.settings?.revisionKeys ?? []),
        ]);
        await deps.settings?.refresh();
        return handle(await resolveWho(ctx, input.actor), input);
      });
    } catch (error) {
      return failed(input.actor, input, error);
    }
  }
}
