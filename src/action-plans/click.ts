import type { FormView } from '../chat/views.ts';
import type { Actor, EngineContext, Interaction } from '../checkins/context.ts';
import { tell } from '../checkins/handlers/shared.ts';
import { formatDate } from '../i18n/format.ts';
import { withFormWords } from '../i18n/form-words.ts';
import { addDays } from '../shared/dates.ts';
import { loadForChange } from './access.ts';
import { itemForm } from './item-form.ts';
import { doneForm, moveForm, noteForm } from './messages.ts';
import type { PlanAction } from './plan-action.ts';
import { planReader } from './reader.ts';
import { updateItem } from './repository.ts';

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
  const open = (form: FormView): Promise<void> =>
    ctx.port.openForm(address, interaction?.trigger, withFormWords(v.t, form));
  if (action.kind === 'actionNew') return open(itemForm(v, undefined, action));
  const loaded = await loadForChange(ctx, person, action.item);
  if ('ok' in loaded) return;
  const item = loaded;
  switch (action.kind) {
    case 'actionEdit':
      return open(itemForm(v, item));
    case 'actionDone':
      return open(doneForm(v, item));
    case 'actionNote':
      return open(noteForm(v, item));
    case 'actionMove':
      return open(moveForm(v, item));
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
