import { clickPlanAction } from '../../action-plans/click.ts';
import { planReader } from '../../action-plans/reader.ts';
import { isOpenItem, type ActionItem } from '../../action-plans/item.ts';
import { itemsMessage } from '../../action-plans/messages.ts';
import { daysBetween } from '../../shared/dates.ts';
import { planFlags } from '../../action-plans/plan-summary-repository.ts';
import { allItems } from '../../action-plans/repository.ts';
import { ownerKey } from '../../action-plans/draft.ts';
import { CommandUsageError, type Command, type CommandContext } from '../types.ts';

/** Items matching `actions [department|@owner|overdue]`; open ones first, by due date. */
async function select(
  context: CommandContext,
  filter: string,
): Promise<{ items: ActionItem[]; label?: string }> {
  const { deps, core, actor, person } = context;
  // Coordinators see the whole plan; a contact their departments' items and what they own.
  const own = core.directory.departmentsOf(person);
  const visible = (item: ActionItem): boolean =>
    core.directory.isCoordinator(person) ||
    item.owners.includes(person) ||
    (item.department !== undefined && own.includes(item.department));
  const all = (await allItems(deps.store))
    .filter(visible)
    .sort((a, b) => Number(isOpenItem(b)) - Number(isOpenItem(a)) || a.due.localeCompare(b.due));
  if (filter === '') return { items: all };
  const today = deps.localDate(deps.clock.now());
  if (filter.toLowerCase() === 'overdue') {
    return {
      items: all.filter((i) => isOpenItem(i) && daysBetween(today, i.due) < 0),
      label: 'overdue',
    };
  }
  const department = deps.config.departments.find((d) => d.id === filter.toLowerCase());
  if (department)
    return { items: all.filter((i) => i.department === department.id), label: department.id };
  // Slack writes a picked user as <@U123|name>; people also type @U123 or slack:U123.
  const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(filter)?.[1];
  const owner = ownerKey(
    core.directory,
    mention ?? filter,
    mention ? 'slack' : filter.startsWith('@') ? actor.platform : undefined,
  );
  if (owner) {
    const { naming } = core.engine.context;
    await naming.lookUp([owner]);
    return {
      items: all.filter((i) => i.owners.includes(owner)),
      label: (await naming.namer(filter))(owner),
    };
  }
  throw new CommandUsageError('commands:actions.unknownFilter', { value: filter });
}

/** `actions [department|@owner|overdue]`: the action plan, with the frameworks' flags. */
export const actionsCommand: Command = {
  words: ['actions'],
  id: 'actions',
  coordinatorOnly: false,
  async run(context, args) {
    const { directory } = context.core;
    const filter = args.join(' ').trim();
    const { items, label } = await select(context, filter);
    const outsider =
      !directory.isCoordinator(context.person) &&
      directory.departmentsOf(context.person).length === 0;
    if (outsider && items.length === 0) {
      const text = context.t('actions:errors.listNotAllowed');
      return { text, blocks: [{ type: 'text', text }] };
    }
    await context.core.engine.context.naming.lookUp(items.flatMap((i) => i.owners));
    const v = await planReader(context.core.engine.context, context.person);
    const title = label
      ? v.t('actions:list.titleFiltered', { filter: label })
      : v.t('actions:list.title');
    const flags = filter === '' ? await planFlags(context.deps.store, context.deps.config) : [];
    const today = context.deps.localDate(context.deps.clock.now());
    return itemsMessage(v, title, items, flags, today);
  },
};

/** `action new`: the form for a new measure. */
export const actionNewCommand: Command = {
  words: ['action', 'new'],
  id: 'actionNew',
  coordinatorOnly: false,
  async run(context) {
    await clickPlanAction(
      context.core.engine.context,
      context.person,
      context.actor,
      { kind: 'actionNew' },
      context.interaction ?? {},
    );
    const text = context.t('commands:actionNew.opened');
    return { text, blocks: [{ type: 'text', text }] };
  },
};
