import { departmentName, type Cycle } from '../../cycles/cycle.ts';
import type { EngineContext } from '../context.ts';
import { resolveTarget, type Target } from '../flow.ts';
import { notice } from '../../chat/views.ts';
import { isAssignee } from '../progress.ts';
import type { DepartmentRecord } from '../record-repository.ts';
import type { InputProblem } from '../validate.ts';
import type { Translator } from '../../i18n/create.ts';

/** The outcome of a form: saved, or what to show next to which field. */
export type FormResult = { ok: true } | { ok: false; errors: Record<string, string> };

export const saved: FormResult = { ok: true };

/** Any contact of the department may answer, and whoever the key factor was handed to. */
export function mayAnswer(
  ctx: EngineContext,
  record: DepartmentRecord | undefined,
  department: string,
  keyFactor: string,
  person: string,
): boolean {
  return (
    isAssignee(record, department, keyFactor, person, ctx.directory) ||
    ctx.directory.contactsOf(department).includes(person)
  );
}

/** Field errors in the person's language; several problems of one field are joined. */
export function fieldErrors(
  t: Translator,
  problems: readonly InputProblem[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const text = t(`checkins:input.${problem.key}`, problem.params);
    errors[problem.field] = errors[problem.field] ? `${errors[problem.field]} ${text}` : text;
  }
  return errors;
}

/** Tells a person something, in their language. */
export async function tell(
  ctx: EngineContext,
  person: string,
  key: string,
  params: Record<string, string | number> = {},
  namespace = 'checkins',
): Promise<void> {
  const language = await ctx.languageOf(person);
  const t = ctx.i18n.getFixedT(language);
  await ctx.sendTo(person, notice(t(`${namespace}:${key}`, params)));
}

/** Explains why a click or form no longer applies; echoes what they typed so nothing is lost. */
export async function explainRefusal(
  ctx: EngineContext,
  person: string,
  key: string,
  params: Record<string, string>,
  typed?: string,
): Promise<FormResult> {
  const language = await ctx.languageOf(person);
  const t = ctx.i18n.getFixedT(language);
  const reason = t(`checkins:${key}`, params);
  const text = typed ? `${reason}\n${t('checkins:errors.yourText')}\n${typed}` : reason;
  await ctx.sendTo(person, notice(text));
  return { ok: false, errors: { _form: reason } };
}

/** "You are not a contact of <department>", named as the cycle froze it in the person's language. */
export async function refuseNotAContact(
  ctx: EngineContext,
  person: string,
  cycle: Cycle,
  department: string,
  locale?: string,
): Promise<FormResult> {
  const v = await ctx.reader(person, cycle, locale);
  return explainRefusal(ctx, person, 'errors.notAContact', {
    department: departmentName(cycle, department, v.language),
  });
}

/** What a click is about, or undefined once the person is told why it no longer applies. */
export async function targetOrRefusal(
  ctx: EngineContext,
  person: string,
  where: Parameters<typeof resolveTarget>[1],
): Promise<Extract<Target, { ok: true }> | undefined> {
  const target = await resolveTarget(ctx, where);
  if (target.ok) return target;
  await explainRefusal(ctx, person, target.key, target.params);
  return undefined;
}
