import { notice } from '../chat/views.ts';
import type { EngineContext } from '../checkins/context.ts';
import type { FormResult } from '../checkins/handlers/shared.ts';
import type { ActionItem } from './item.ts';
import { planReader } from './reader.ts';
import { getItem } from './repository.ts';

/** Owners and coordinators may change an item. */
const mayChange = (ctx: EngineContext, item: ActionItem, person: string): boolean =>
  item.owners.includes(person) || ctx.directory.isCoordinator(person) || item.created.by === person;

/** The item a person may change, or why not (told to them, and for the form). */
export async function loadForChange(
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
