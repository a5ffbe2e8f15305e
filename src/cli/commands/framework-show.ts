import { frameworkIds, isFrameworkId } from '../../catalogue/definitions.ts';
import type { Framework } from '../../catalogue/schema.ts';
import type { Translator } from '../../i18n/create.ts';
import { isLanguage, languages } from '../../i18n/languages.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/** The stable JSON form: ids, numbers and texts, nothing else. */
export function frameworkJson(framework: Framework) {
  return {
    id: framework.id,
    items: framework.items.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      statement: item.statement,
      questions: item.questions.map((q) => ({ id: q.id, text: q.text })),
    })),
    contextualFactors: framework.contextualFactors.map((factor) => ({
      id: factor.id,
      title: factor.title,
      examples: factor.examples,
    })),
  };
}

const indent = (text: string, by: string): string => text.replaceAll('\n', `\n${by}`);

export function frameworkText(framework: Framework, t: Translator): string {
  const lines: string[] = [`${framework.name} (${framework.id})`];
  if (framework.standard) lines.push(`${t('cli:framework.standard')}: ${framework.standard}`);
  if (framework.rule) lines.push(`${t('cli:framework.rule')}: ${framework.rule.text}`);
  for (const item of framework.items) {
    lines.push('', `${item.id}  ${item.title}`);
    if (item.statement) lines.push(`  ${t('cli:framework.statement')}: ${item.statement}`);
    if (item.reasoning) lines.push(`  ${t('cli:framework.reasoning')}: ${item.reasoning}`);
    if (item.questions.length > 0) {
      lines.push(`  ${t('cli:framework.questions')}:`);
      for (const q of item.questions) lines.push(`    ${q.id}  ${indent(q.text, '          ')}`);
    }
    if (item.examples.length > 0) {
      lines.push(`  ${t('cli:framework.examples')}:`);
      for (const example of item.examples) lines.push(`    ${example.city} – ${example.gist}`);
    }
  }
  if (framework.contextualFactors.length > 0) {
    lines.push('', `${t('cli:framework.contextualFactors')}:`);
    for (const factor of framework.contextualFactors) {
      lines.push(`  ${factor.id}  ${factor.title}`);
      for (const example of factor.examples) lines.push(`      – ${example}`);
    }
  }
  return lines.join('\n');
}

/** `tasa framework show <id> [--lang fi|sv|en] [--format json|text]` */
export const frameworkShow: CliCommand = (args, { out, err, t, language, catalogue }) => {
  const { positional, options } = parseOptions(args);
  const id = positional[0];
  if (id === undefined) {
    err(t('cli:missingArgument', { name: t('cli:arguments.id') }));
    return 2;
  }
  if (!isFrameworkId(id)) {
    err(t('cli:unknownFramework', { id, frameworks: frameworkIds.join(', ') }));
    return 1;
  }
  const lang = options.get('lang') ?? language;
  if (!isLanguage(lang)) {
    err(t('cli:badOption', { option: '--lang', values: languages.join(', ') }));
    return 2;
  }
  const format = options.get('format') ?? 'text';
  if (format !== 'json' && format !== 'text') {
    err(t('cli:badOption', { option: '--format', values: 'json, text' }));
    return 2;
  }
  const framework = catalogue.framework(id, lang);
  out(
    format === 'json'
      ? JSON.stringify(frameworkJson(framework), null, 2)
      : frameworkText(framework, t),
  );
  return 0;
};
