import type { Action } from '../chat/actions.ts';
import type { FieldErrors, FormValues } from '../chat/actor.ts';
import type { FormView } from '../chat/views.ts';
import type { Department } from '../config/schema.ts';
import type { Translator } from '../i18n/create.ts';
import { personKeyOf, personLabel } from './people-part.ts';

/** The buttons and forms of administration: their kinds all start with `admin`. */
export type AdminAction = Extract<Action, { kind: `admin${string}` }>;

export const isAdminAction = (action: Action): action is AdminAction =>
  action.kind.startsWith('admin');

/** Picks people for a department: Slack's user picker, the people picker in Teams. */
export function addContactForm(t: Translator, department: Department, label: string): FormView {
  return {
    title: t('admin:form.addTitle'),
    submitLabel: t('admin:form.add'),
    context: { kind: 'adminContactAdd', department: department.id },
    intro: t('admin:form.addIntro', { department: label }),
    fields: [{ id: 'people', type: 'people', label: t('admin:form.people') }],
  };
}

/** Ticks the contacts to take out of a department. */
export function removeContactForm(t: Translator, department: Department, label: string): FormView {
  return {
    title: t('admin:form.removeTitle'),
    submitLabel: t('admin:form.remove'),
    context: { kind: 'adminContactRemove', department: department.id },
    intro: `${label}: ${t('admin:form.removeIntro')}`,
    fields: [
      {
        id: 'contacts',
        type: 'multiChoice',
        label: t('admin:form.contacts'),
        options: department.contacts.map((c) => ({ value: personKeyOf(c), label: personLabel(c) })),
      },
    ],
  };
}

export const pickedOf = (values: FormValues, field: string): string[] => {
  const value = values[field];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
};

/** Problems found before anything is saved; what was picked stays in the form. */
export function checkAdminForm(
  t: Translator,
  about: AdminAction,
  values: FormValues,
  contacts: number,
): FieldErrors {
  if (about.kind === 'adminContactAdd' && pickedOf(values, 'people').length === 0)
    return { people: t('admin:form.pickSomeone') };
  if (about.kind === 'adminContactRemove') {
    const picked = pickedOf(values, 'contacts').length;
    if (picked === 0) return { contacts: t('admin:form.pickSomeone') };
    if (picked >= contacts) return { contacts: t('admin:form.keepOne') };
  }
  return {};
}
