import type { Action } from '../chat/actions.ts';
import { nameOrId } from '../chat/address.ts';
import type { Actor, EngineContext, Interaction } from '../checkins/context.ts';
import type { FormValues } from '../checkins/form-check.ts';
import { fieldErrors, saved, tell, type FormResult } from '../checkins/handlers/shared.ts';
import { limits } from '../checkins/limits.ts';
import { notice } from '../chat/views.ts';
import { checkEvidence, textProblem, type InputProblem } from '../checkins/validate.ts';
import { addDays } from '../shared/dates.ts';
import { translatorFor } from '../i18n/create.ts';
import { withFormWords } from '../i18n/form-words.ts';
import type { Language } from '../i18n/languages.ts';
import { formatDate } from '../i18n/format.ts';
import type { Evidence } from '../checkins/answer.ts';
import { checkItem, itemFieldNames, readDate, type ItemInput } from './draft.ts';
import type { ActionItem, ItemChange } from './item.ts';
import { doneForm, itemForm, itemLine, moveForm, noteForm, type PlanReader } from './messages.ts';
import { createItems, getItem, updateItem } from './repository.ts';

type PlanAction = Extract<Action, { kind: `action${string}` }>;

export const isPlanAction = (action: Action): action is PlanAction =>
  action.kind.startsWith('action');

/** A reader in one language: what action-plan and report messages are written for. */
export function planReaderIn(ctx: EngineContext, language: Language): PlanReader {
  return {
    t: translatorFor(ctx.i18n, language),
    language,
    config: ctx.config,
    catalogue: ctx.catalogue,
    nameOf: (key) => nameOrId(ctx.directory, key),
  };
}

/** A person as the reader of action-plan messages, in their language. */
export async function planReader(ctx: EngineContext, person: string): Promise<PlanReader> {
  return planReaderIn(ctx, await ctx.languageOf(person));
}

/** Owners and coordinators may change an item. */
const mayChange = (ctx: EngineContext, item: ActionItem, person: string): boolean =>
  item.owners.includes(person) || ctx.directory.isCoordinator(person) || item.created.by === person;

const text = (value: FormValues[string]): string => (typeof value === 'string' ? value.trim() : '');
const strings = (value: FormValues[string]): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
const links = (value: FormValues[string]): Evidence[] =>
  Array.isArray(value)
    ? value.filter((v): v is Evidence => typeof v === 'object' && v !== null && 'url' in v)
    : [];

function itemInput(values: FormValues): ItemInput {
  return {
    title: text(values.title),
    description: text(values.description),
    serves: strings(values.serves),
    department: text(values.department),
    owners: strings(values.owners),
    start: text(values.start),
    due: text(values.due),
  };
}

async function loadForChange(
  ctx: EngineContext,
  person: string,
  id: string,
): Promise<ActionItem | FormResult> {
  const item = await getItem(ctx.store, id);
  if (!item) {
    const v = await planReader(ctx, person);
    const reason = v.t('actions:errors.unknownItem', { id });
    await ctx.sendTo(person, notice(reason));
    return { ok: false, errors: { _form: reason } };
  }
  if (!mayChange(ctx, item, person)) {
    const v = await planReader(ctx, person);
    await ctx.sendTo(person, notice(v.t('actions:errors.notOwner', { id: item.id })));
    return { ok: false, errors: { _form: v.t('actions:errors.notOwner', { id: item.id }) } };
  }
  return item;
}

/** A click on an action-plan button: opens its form, or snoozes at once. */
export async function clickPlanAction(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  action: PlanAction,
  interaction?: Interaction,
): Promise<void> {
  const v = await planReader(ctx, person);
  const address = ctx.directory.addressOf(person) ?? {
    platform: actor.platform,
    id: actor.id,
    kind: 'person' as const,
  };
  if (action.kind === 'actionNew') {
    await ctx.port.openForm(
      address,
      interaction?.trigger,
      withFormWords(v.t, itemForm(v, undefined, action)),
    );
    return;
  }
  const loaded = await loadForChange(ctx, person, action.item);
  if ('ok' in loaded) return;
  const item = loaded;
  switch (action.kind) {
    case 'actionEdit':
      return ctx.port.openForm(
        address,
        interaction?.trigger,
        withFormWords(v.t, itemForm(v, item)),
      );
    case 'actionDone':
      return ctx.port.openForm(
        address,
        interaction?.trigger,
        withFormWords(v.t, doneForm(v, item)),
      );
    case 'actionNote':
      return ctx.port.openForm(
        address,
        interaction?.trigger,
        withFormWords(v.t, noteForm(v, item)),
      );
    case 'actionMove':
      return ctx.port.openForm(
        address,
        interaction?.trigger,
        withFormWords(v.t, moveForm(v, item)),
      );
    case 'actionSnooze': {
      const until = addDays(ctx.localDate(ctx.clock.now()), Math.max(1, Math.min(action.days, 60)));
      await updateItem(ctx.store, item.id, (current) => ({ ...current, snoozedUntil: until }));
      await tell(
        ctx,
        person,
        'snoozed',
        { id: item.id, date: formatDate(until, v.language) },
        'actions',
      );
      return;
    }
  }
}

/** The checks a plan form can be given before anything is saved. */
export function checkPlanForm(
  ctx: EngineContext,
  v: PlanReader,
  actor: Actor,
  context: PlanAction,
  values: FormValues,
): Record<string, string> {
  const problems: InputProblem[] = [];
  const today = ctx.localDate(ctx.clock.now());
  if (context.kind === 'actionNew' || context.kind === 'actionEdit') {
    problems.push(
      ...checkItem(itemInput(values), {
        config: ctx.config,
        directory: ctx.directory,
        today,
        platform: actor.platform,
        isNew: context.kind === 'actionNew',
      }).problems,
    );
  } else if (context.kind === 'actionDone') {
    problems.push(...checkEvidence('evidence', links(values.evidence)).problems);
    const tooLong = textProblem('note', text(values.note), limits.note);
    if (tooLong) problems.push(tooLong);
  } else if (context.kind === 'actionNote') {
    if (text(values.note) === '') problems.push({ field: 'note', key: 'noteRequired', params: {} });
    const tooLong = textProblem('note', text(values.note), limits.note);
    if (tooLong) problems.push(tooLong);
  } else if (context.kind === 'actionMove') {
    if (text(values.reason) === '')
      problems.push({ field: 'reason', key: 'reasonRequired', params: {} });
    const tooLong = textProblem('reason', text(values.reason), limits.reason);
    if (tooLong) problems.push(tooLong);
    readDate('due', text(values.due), today, true, problems);
  }
  const checkins = problems.filter((p) => p.key === 'textTooLong' || p.key.startsWith('evidence'));
  const plans = problems.filter((p) => !checkins.includes(p));
  return { ...fieldErrors(v.t, checkins), ...plansErrors(v, plans) };
}

function plansErrors(v: PlanReader, problems: readonly InputProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const message = v.t(`actions:input.${problem.key}`, problem.params);
    errors[problem.field] = errors[problem.field] ? `${errors[problem.field]} ${message}` : message;
  }
  return errors;
}

const change = (
  by: string,
  at: string,
  field: string,
  from: string,
  to: string,
  reason?: string,
): ItemChange => ({
  by,
  at,
  field,
  from,
  to,
  ...(reason ? { reason } : {}),
});

/** A submitted plan form: creates or changes the item, keeping every change with who and when. */
export async function submitPlanForm(
  ctx: EngineContext,
  person: string,
  actor: Actor,
  context: PlanAction,
  values: FormValues,
): Promise<FormResult> {
  // The inbound port checked the form before it came here.
  const v = await planReader(ctx, person);
  const now = ctx.clock.now().toISOString();
  const today = ctx.localDate(ctx.clock.now());

  if (context.kind === 'actionNew') {
    const { fields } = checkItem(itemInput(values), {
      config: ctx.config,
      directory: ctx.directory,
      today,
      platform: actor.platform,
      isNew: true,
    });
    if (!fields) return { ok: false, errors: {} };
    const [item] = await createItems(ctx.store, [
      { ...fields, notes: [], evidence: [], created: { by: person, at: now }, history: [] },
    ]);
    if (!item) return { ok: false, errors: {} };
    await tell(ctx, person, 'created', { line: itemLine(v, item) }, 'actions');
    for (const owner of item.owners.filter((o) => o !== person)) {
      const ov = await planReader(ctx, owner);
      await ctx
        .sendTo(
          owner,
          notice(ov.t('actions:assigned', { name: ov.nameOf(person), line: itemLine(ov, item) })),
        )
        .catch((error: unknown) => {
          ctx.logger.warn({ err: error, owner }, 'could not tell an owner about a new item');
        });
    }
    return saved;
  }

  const loaded = await loadForChange(ctx, person, context.item);
  if ('ok' in loaded) return loaded;
  const updated = await updateItem(ctx.store, context.item, (item) => {
    switch (context.kind) {
      case 'actionEdit': {
        const { fields } = checkItem(itemInput(values), {
          config: ctx.config,
          directory: ctx.directory,
          today,
          platform: actor.platform,
          isNew: false,
        });
        if (!fields) return undefined;
        const changes: ItemChange[] = [];
        const show = (value: unknown): string =>
          Array.isArray(value)
            ? value
                .map((x) => (typeof x === 'object' ? (x as { item: string }).item : String(x)))
                .join(', ')
            : String(value ?? '');
        for (const field of itemFieldNames) {
          if (show(item[field]) !== show(fields[field]))
            changes.push(change(person, now, field, show(item[field]), show(fields[field])));
        }
        const next = {
          ...item,
          ...fields,
          status: item.status,
          history: [...item.history, ...changes],
        };
        if (fields.due !== item.due) delete next.escalatedAt;
        return next;
      }
      case 'actionDone': {
        const evidence = checkEvidence('evidence', links(values.evidence)).accepted;
        const note = text(values.note);
        return {
          ...item,
          status: 'done',
          evidence: [...item.evidence, ...evidence],
          notes: note ? [...item.notes, { text: note, by: person, at: now }] : item.notes,
          history: [...item.history, change(person, now, 'status', item.status, 'done')],
        };
      }
      case 'actionNote':
        return {
          ...item,
          status: item.status === 'planned' ? 'in_progress' : item.status,
          notes: [...item.notes, { text: text(values.note), by: person, at: now }],
          history:
            item.status === 'planned'
              ? [...item.history, change(person, now, 'status', 'planned', 'in_progress')]
              : item.history,
        };
      case 'actionMove': {
        const due = readDate('due', text(values.due), today, true, []);
        if (!due) return undefined;
        const next: ActionItem = {
          ...item,
          due,
          history: [
            ...item.history,
            change(person, now, 'due', item.due, due, text(values.reason)),
          ],
        };
        // A new due date is a new chance: reminders and escalation start over.
        delete next.escalatedAt;
        delete next.snoozedUntil;
        return next;
      }
      default:
        return undefined;
    }
  });
  if (!updated) return { ok: false, errors: { _form: v.t('checkins:errors.staleForm') } };
  const key =
    context.kind === 'actionDone'
      ? 'done'
      : context.kind === 'actionMove'
        ? 'moved'
        : context.kind === 'actionNote'
          ? 'noted'
          : 'edited';
  await tell(
    ctx,
    person,
    key,
    { id: updated.id, date: formatDate(updated.due, v.language), line: itemLine(v, updated) },
    'actions',
  );
  return saved;
}
