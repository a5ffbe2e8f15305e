import type { Translator } from '../i18n/create.ts';
import type { FormTexts } from './render/form-card.ts';

/** The words a form card needs beyond the form, from locales/<lang>/teams.json. */
export const formTexts = (t: Translator): FormTexts => ({
  linkTitle: (number) => t('teams:form.linkTitle', { number }),
  peoplePlaceholder: t('teams:form.peoplePlaceholder'),
});
