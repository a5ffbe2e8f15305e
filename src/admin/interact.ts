import type { FieldErrors, FormValues, Interaction } from '../chat/actor.ts';
import { notice } from '../chat/views.ts';
import type { EngineContext, Who } from '../checkins/context.ts';
import type { Person } from '../config/schema.ts';
import { withFormWords } from '../i18n/form-words.ts';
import type { AdminDeps } from './administer.ts';
import type { AdminRequest } from './changes.ts';
import {
  addContactForm,
  checkAdminForm,
  pickedOf,
  removeContactForm,
  type AdminAction,
} from './forms.ts';
import { departmentLabel } from './messages.ts';
import { personKeyOf } from './people-part.ts';
import { handTo } from './hand-to.ts';
import { changeAndReply, openCycleReply, type Asker } from './reply.ts';

export type AdminFormResult = { ok: true } | { ok: false; errors: FieldErrors };

const asker = (ctx: EngineContext, who: Who): Asker => ({
  person: who.person,
  language: who.language,
  t: who.t,
  names: ctx.directory,
});

/** Only coordinators administer; anyone else is told so, and nothing is read. */
async function coordinatorOnly(ctx: EngineContext, who: Who): Promise<boolean> {
  if (ctx.directory.isCoordinator(who.person)) return true;
  ctx.logger.warn({ person: who.person }, 'refused administration by someone not a coordinator');
  await ctx.sendTo(who.person, notice(who.t('admin:refused.notACoordinator')));
  return false;
}

/** Hands a key factor on to a contact of its department, and says what came of it. */
async function handToReply(
  ctx: EngineContext,
  admin: AdminDeps,
  who: Who,
  action: Extract<AdminAction, { kind: 'adminHandTo' }>,
): Promise<string> {
  const label = departmentLabel(admin.settings.current(), action.department, who.language);
  const nameOf = await ctx.naming.namer(who.t('common:someone'));
  const params = { keyFactor: action.keyFactor, department: label, person: nameOf(action.person) };
  // The button's value can be edited: only a current contact of the department takes it.
  if (!ctx.directory.contactsOf(action.department).includes(action.person))
    return who.t('admin:handTo.notAContact', params);
  const outcome = await handTo(admin, who.person, action);
  if (outcome === 'handed')
    ctx.logger.info(
      { by: who.person, department: action.department, keyFactor: action.keyFactor },
      'administration: key factor handed on',
    );
  return who.t(`admin:handTo.${outcome}`, params);
}

/** A button of the administration: a form opened, or the open cycle widened. */
export async function clickAdmin(
  ctx: EngineContext,
  admin: AdminDeps,
  who: Who,
  action: AdminAction,
  interaction: Interaction,
): Promise<void> {
  if (!(await coordinatorOnly(ctx, who))) return;
  if (action.kind === 'adminOpenCycle') {
    await ctx.sendTo(who.person, await openCycleReply(admin, asker(ctx, who), action.department));
    return;
  }
  if (action.kind === 'adminHandTo') {
    await ctx.sendTo(who.person, notice(await handToReply(ctx, admin, who, action)));
    return;
  }
  const config = admin.settings.current();
  const department = config.departments.find((d) => d.id === action.department);
  if (!department) {
    await ctx.sendTo(
      who.person,
      notice(who.t('admin:refused.unknownDepartment', { department: action.department })),
    );
    return;
  }
  const label = departmentLabel(config, department.id, who.language);
  const form =
    action.kind === 'adminContactAdd'
      ? addContactForm(who.t, department, label)
      : removeContactForm(who.t, department, label);
  const address = ctx.directory.addressOf(who.person) ?? {
    platform: who.actor.platform,
    id: who.actor.id,
    kind: 'person' as const,
  };
  await ctx.port.openForm(address, interaction.trigger, withFormWords(who.t, form));
}

export function checkAdmin(
  ctx: EngineContext,
  admin: AdminDeps,
  who: Who,
  about: AdminAction,
  values: FormValues,
): FieldErrors {
  if (!ctx.directory.isCoordinator(who.person))
    return { _form: who.t('admin:refused.notACoordinator') };
  const department = admin.settings.current().departments.find((d) => d.id === about.department);
  return checkAdminForm(who.t, about, values, department?.contacts.length ?? 0);
}

/**
 * A form of the administration, saved: each person picked is one change,
 * recorded and logged as if typed; what came of them is sent to the coordinator.
 */
export async function submitAdmin(
  ctx: EngineContext,
  admin: AdminDeps,
  who: Who,
  about: AdminAction,
  values: FormValues,
): Promise<AdminFormResult> {
  if (!(await coordinatorOnly(ctx, who)))
    return { ok: false, errors: { _form: who.t('admin:refused.notACoordinator') } };
  const requests = requestsOf(ctx, admin, who, about, values);
  const lines: string[] = [];
  for (const request of requests) {
    const reply = await changeAndReply(admin, asker(ctx, who), request, false);
    lines.push(reply.text);
  }
  if (lines.length > 0) await ctx.sendTo(who.person, notice(lines.join('\n')));
  return { ok: true };
}

function requestsOf(
  ctx: EngineContext,
  admin: AdminDeps,
  who: Who,
  about: AdminAction,
  values: FormValues,
): AdminRequest[] {
  const department = about.department;
  if (about.kind === 'adminContactAdd') {
    // A picker gives the platform's own ids: Slack user ids, or the ids Teams resolves people to.
    return pickedOf(values, 'people').map((id) => ({
      kind: 'contactAdd',
      department,
      person: pickedPerson(who.actor.platform, id),
    }));
  }
  if (about.kind !== 'adminContactRemove') return [];
  const contacts = admin.settings.current().departments.find((d) => d.id === department)?.contacts;
  return pickedOf(values, 'contacts').flatMap((key) => {
    const person = contacts?.find((c) => personKeyOf(c) === key);
    if (!person) ctx.logger.warn({ department }, 'a contact picked for removal is gone');
    return person ? [{ kind: 'contactRemove' as const, department, person }] : [];
  });
}

const pickedPerson = (platform: 'slack' | 'teams', id: string): Person =>
  platform === 'slack' ? { slack: id } : { teams: id };
