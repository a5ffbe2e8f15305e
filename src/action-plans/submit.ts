import { textValue, type FormValues } from '../chat/actor.ts';
import { notice } from '../chat/views.ts';
import type { Actor, EngineContext } from '../checkins/context.ts';
import { saved, tell, type FormResult } from '../checkins/handlers/shared.ts';
import { checkEvidence } from '../checkins/validate.ts';
import { formatDate } from '../i18n/format.ts';
import { loadForChange } from './access.ts';
import { checkItem, itemFieldNames, readDate } from './draft.ts';
import { itemInput, links } from './form-values.ts';
import { servedId, type ActionItem, type ItemChange, type Serves } from './item.ts';
import { itemLine } from './messages.ts';
import type { PlanAction } from './plan-action.ts';
import { planReader } from './reader.ts';
import { createItems, updateItem } from './repository.ts';

/** One change of an item, kept in its history with who, when and why. */
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
    const named = await namingOwners(ctx, person, item);
    await tell(ctx, person, 'created', { line: itemLine(named, item) }, 'actions');
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
                .map((x) => (typeof x === 'object' ? servedId(x as Serves) : String(x)))
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
        // A plan field emptied in the form is gone, not kept from before.
        if (fields.horizon === undefined) delete next.horizon;
        if (fields.means === undefined) delete next.means;
        if (fields.resources === undefined) delete next.resources;
        if (fields.partners === undefined) delete next.partners;
        return next;
      }
      case 'actionDone': {
        const evidence = checkEvidence('evidence', links(values.evidence)).accepted;
        const note = textValue(values.note);
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
          notes: [...item.notes, { text: textValue(values.note), by: person, at: now }],
          history:
            item.status === 'planned'
              ? [...item.history, change(person, now, 'status', 'planned', 'in_progress')]
              : item.history,
        };
      case 'actionMove': {
        const due = readDate('due', textValue(values.due), today, true, []);
        if (!due) return undefined;
        const next: ActionItem = {
          ...item,
          due,
          history: [
            ...item.history,
            change(person, now, 'due', item.due, due, textValue(values.reason)),
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
  const named = await namingOwners(ctx, person, updated);
  await tell(
    ctx,
    person,
    key,
    { id: updated.id, date: formatDate(updated.due, v.language), line: itemLine(named, updated) },
    'actions',
  );
  return saved;
}

/** A reader who sees the item's owners by name, even those who never wrote to Tasa. */
async function namingOwners(ctx: EngineContext, person: string, item: ActionItem) {
  await ctx.naming.lookUp(item.owners);
  return planReader(ctx, person);
}
