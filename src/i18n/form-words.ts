import type { FormView } from '../chat/views.ts';
import type { Translator } from './create.ts';

/** A form with the words platforms need beyond its fields, in the reader's language. */
export function withFormWords(t: Translator, form: FormView): FormView {
  const rows = Math.max(0, ...form.fields.map((f) => (f.type === 'links' ? f.max : 0)));
  return {
    ...form,
    words: {
      // Every row is named in words: a bare "—" is read aloud as "dash".
      linkTitles: Array.from({ length: rows }, (_, i) =>
        t('common:form.linkTitle', { number: i + 1 }),
      ),
      linkUrls: Array.from({ length: rows }, (_, i) => t('common:form.linkUrl', { number: i + 1 })),
      linkDates: Array.from({ length: rows }, (_, i) =>
        t('common:form.linkDate', { number: i + 1 }),
      ),
      peoplePlaceholder: t('teams:form.peoplePlaceholder'),
      required: t('teams:form.required'),
    },
  };
}
